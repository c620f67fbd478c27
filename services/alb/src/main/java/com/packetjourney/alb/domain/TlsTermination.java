package com.packetjourney.alb.domain;

import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.world.LoadBalancer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TLS termination on an HTTPS listener. With SNI the ALB presents a certificate covering the server name the
 * client asked for: an exact domain, or a wildcard covering exactly one leftmost label (RFC 6125 §6.4.3). When
 * several cover it an exact name wins, then listener order (the ALB's preferences between key algorithms are not
 * modelled). When none covers it the listener's default certificate is presented and the client rejects it.
 */
public record TlsTermination(String sni, String certificateArn, String certificateMatch) {
    public static final String VERSION = "TLSv1.3";
    /** The first TLS 1.3 suite of ELBSecurityPolicy-TLS13-1-2-2021-06, the policy the console proposes. */
    public static final String CIPHER = "TLS_AES_128_GCM_SHA256";
    /** Browsers offer h2 first and the ALB accepts it on HTTPS listeners. */
    public static final String ALPN = "h2";
    /** A full TLS 1.3 handshake takes one round trip (RFC 8446 §2). */
    public static final int ROUND_TRIPS = 1;

    /** The session for {@code sni} with the listener's certificates in listener order; empty when none covers it. */
    public static Optional<TlsTermination> negotiate(String sni, List<LoadBalancer.Certificate> certificates) {
        if (sni == null) {
            return Optional.empty();
        }
        TlsTermination wildcard = null;
        for (LoadBalancer.Certificate certificate : certificates) {
            for (String domain : certificate.domains()) {
                if (normalize(domain).equals(normalize(sni))) {
                    return Optional.of(new TlsTermination(sni, certificate.arn(), "exact " + domain));
                }
                if (wildcard == null && coversByWildcard(domain, sni)) {
                    wildcard = new TlsTermination(sni, certificate.arn(), "wildcard " + domain);
                }
            }
        }
        return Optional.ofNullable(wildcard);
    }

    /** "*.example.com" covers "www.example.com" but neither "example.com" nor "a.b.example.com". */
    static boolean coversByWildcard(String domain, String host) {
        String d = normalize(domain);
        String h = normalize(host);
        if (!d.startsWith("*.")) {
            return false;
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot + 1).equals(d.substring(2));
    }

    private static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    public AlbForwarded.Tls toPayload() {
        return new AlbForwarded.Tls(sni, certificateArn, certificateMatch, VERSION, CIPHER, ALPN);
    }
}

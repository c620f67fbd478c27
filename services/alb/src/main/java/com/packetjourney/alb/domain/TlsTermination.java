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
 * Version and cipher are what {@link TlsNegotiation} agreed under the listener's security policy.
 */
public record TlsTermination(String sni, String certificateArn, String certificateMatch, String version,
                             String cipher) {
    /** Browsers offer h2 first and the ALB accepts it on HTTPS listeners. */
    public static final String ALPN = "h2";

    /** The session for {@code sni} with the listener's certificates in listener order; empty when none covers it. */
    public static Optional<TlsTermination> negotiate(String sni, List<LoadBalancer.Certificate> certificates) {
        if (sni == null) {
            return Optional.empty();
        }
        TlsTermination wildcard = null;
        for (LoadBalancer.Certificate certificate : certificates) {
            for (String domain : certificate.domains()) {
                if (normalize(domain).equals(normalize(sni))) {
                    return Optional.of(new TlsTermination(sni, certificate.arn(), "exact " + domain, null, null));
                }
                if (wildcard == null && coversByWildcard(domain, sni)) {
                    wildcard = new TlsTermination(sni, certificate.arn(), "wildcard " + domain, null, null);
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

    /** The session with the version and cipher the handshake agreed on. */
    public TlsTermination with(TlsNegotiation.Result agreed) {
        return new TlsTermination(sni, certificateArn, certificateMatch, agreed.version(), agreed.cipher());
    }

    public AlbForwarded.Tls toPayload() {
        return new AlbForwarded.Tls(sni, certificateArn, certificateMatch, version, cipher, ALPN);
    }
}

package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.SecurityPolicy;

import java.util.List;
import java.util.Optional;

/**
 * How the listener's security policy and the client's ClientHello agree on a session: the highest version both
 * support, then the first cipher of the policy's list the client offers (server preference, as ELB does) that
 * suits the certificate's key for TLS 1.2 (an ECDHE-ECDSA suite needs an ECDSA key, the others an RSA one; TLS 1.3
 * suites do not depend on it). A full TLS 1.2 handshake takes two round trips before the client's first application
 * data (RFC 5246 §7.3, Figure 1), TLS 1.3 one (RFC 8446 §2). Without a common version the server sends a
 * protocol_version alert, without a common cipher a handshake_failure alert (RFC 5246 §7.4.1.3, RFC 8446 §4.1.1),
 * after the client's first flight: one round trip.
 */
public final class TlsNegotiation {
    /** ACM issues RSA 2048 certificates unless asked for ECDSA. */
    public static final String RSA = "RSA";
    public static final String ECDSA = "ECDSA";

    /** The agreed session, or the alert that ended the handshake, and the round trips spent. */
    public record Result(String version, String cipher, String alert, int roundTrips, String explanation) {
        public boolean agreed() {
            return alert == null;
        }
    }

    private TlsNegotiation() {
    }

    public static Result negotiate(SecurityPolicy policy, ClientHello hello, String certificateKey) {
        Optional<String> version = hello.versions().stream().filter(policy.versions()::contains).findFirst();
        if (version.isEmpty()) {
            return new Result(null, null, "protocol_version", 1, hello.client() + " offers " + hello.versions()
                    + " and " + policy.name() + " allows " + policy.versions() + ": no common TLS version, the "
                    + "ALB answers with a protocol_version alert");
        }
        boolean tls13 = SecurityPolicy.TLS_1_3.equals(version.get());
        List<String> usable = policy.ciphers().stream()
                .filter(c -> SecurityPolicy.isTls13Suite(c) == tls13)
                .filter(c -> tls13 || c.contains("-ECDSA-") == ECDSA.equals(certificateKey)).toList();
        Optional<String> cipher = usable.stream().filter(hello.ciphers()::contains).findFirst();
        if (cipher.isEmpty()) {
            return new Result(version.get(), null, "handshake_failure", 1, hello.client() + " offers none of the "
                    + version.get() + " ciphers " + policy.name() + " allows with an " + certificateKey
                    + " certificate: the ALB answers with a handshake_failure alert");
        }
        return new Result(version.get(), cipher.get(), null, tls13 ? 1 : 2, version.get() + " with "
                + cipher.get() + ", the first cipher of " + policy.name() + " that " + hello.client() + " offers ("
                + (tls13 ? "1 round trip, RFC 8446 §2" : "2 round trips, RFC 5246 §7.3") + ")");
    }
}

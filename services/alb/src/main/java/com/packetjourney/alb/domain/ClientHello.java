package com.packetjourney.alb.domain;

import java.util.List;

/**
 * What a client offers in its ClientHello: TLS versions and cipher suites, most preferred first (TLS 1.3 suites by
 * their IANA names, earlier ones by OpenSSL's, as ELB's policy tables name them).
 */
public record ClientHello(String client, List<String> versions, List<String> ciphers) {
    /**
     * Chrome (BoringSSL's defaults): TLS 1.3 and 1.2 only since Chrome 84, its three TLS 1.3 suites, then ECDHE
     * with AEADs, then the CBC and static-RSA suites kept for old servers.
     */
    public static final ClientHello CHROME = new ClientHello("Chrome", List.of("TLSv1.3", "TLSv1.2"), List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
            "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA", "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA",
            "AES256-SHA"));
}

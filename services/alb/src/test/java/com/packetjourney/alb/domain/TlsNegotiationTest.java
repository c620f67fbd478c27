package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.SecurityPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Policies as ELB's "Security policies for your Application Load Balancer" tables list them, against Chrome. */
class TlsNegotiationTest {

    @Test
    void theControllersDefaultPolicyGivesChromeTls12InTwoRoundTripsWithItsFirstRsaCipher() {
        // ELBSecurityPolicy-2016-08: TLSv1, 1.1, 1.2; its first cipher, ECDHE-ECDSA-AES128-GCM-SHA256, needs an ECDSA
        // certificate: with ACM's RSA one the next, ECDHE-RSA-AES128-GCM-SHA256, which Chrome offers
        SecurityPolicy policy = SecurityPolicy.ofListener(null);
        assertThat(policy.name()).isEqualTo("ELBSecurityPolicy-2016-08");
        TlsNegotiation.Result r = TlsNegotiation.negotiate(policy, ClientHello.CHROME, TlsNegotiation.RSA);
        assertThat(r.agreed()).isTrue();
        assertThat(r.version()).isEqualTo("TLSv1.2");
        assertThat(r.cipher()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(r.roundTrips()).as("RFC 5246 §7.3").isEqualTo(2);

        TlsNegotiation.Result ecdsa = TlsNegotiation.negotiate(policy, ClientHello.CHROME, TlsNegotiation.ECDSA);
        assertThat(ecdsa.cipher()).isEqualTo("ECDHE-ECDSA-AES128-GCM-SHA256");
    }

    @Test
    void aTls13PolicyGivesTls13InOneRoundTrip() {
        TlsNegotiation.Result r = TlsNegotiation.negotiate(
                SecurityPolicy.ofListener("ELBSecurityPolicy-TLS13-1-2-2021-06"), ClientHello.CHROME, TlsNegotiation.RSA);
        assertThat(r.version()).isEqualTo("TLSv1.3");
        assertThat(r.cipher()).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(r.roundTrips()).as("RFC 8446 §2").isEqualTo(1);
    }

    @Test
    void theServersOrderDecidesAmongTheClientsCiphers() {
        // a client preferring AES-256: the ALB still picks its own first match
        ClientHello aes256First = new ClientHello("curl", List.of("TLSv1.2"),
                List.of("ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256"));
        assertThat(TlsNegotiation.negotiate(SecurityPolicy.ofListener("ELBSecurityPolicy-TLS-1-2-2017-01"),
                aes256First, TlsNegotiation.RSA).cipher()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
    }

    @Test
    void aClientWithNothingThePolicyAllowsFailsTheHandshake() {
        ClientHello tls10Only = new ClientHello("an old client", List.of("TLSv1"), List.of("AES128-SHA"));
        TlsNegotiation.Result version = TlsNegotiation.negotiate(
                SecurityPolicy.ofListener("ELBSecurityPolicy-TLS13-1-3-2021-06"), tls10Only, TlsNegotiation.RSA);
        assertThat(version.agreed()).isFalse();
        assertThat(version.alert()).isEqualTo("protocol_version");
        assertThat(version.roundTrips()).isEqualTo(1);

        ClientHello rc4 = new ClientHello("an old client", List.of("TLSv1.2"), List.of("RC4-SHA", "DES-CBC3-SHA"));
        TlsNegotiation.Result cipher = TlsNegotiation.negotiate(SecurityPolicy.ofListener(null), rc4,
                TlsNegotiation.RSA);
        assertThat(cipher.alert()).isEqualTo("handshake_failure");
        assertThat(cipher.explanation()).contains("offers none of the TLSv1.2 ciphers ELBSecurityPolicy-2016-08");
    }

    @Test
    void anUnknownPolicyIsNamedInTheError() {
        assertThatThrownBy(() -> SecurityPolicy.ofListener("ELBSecurityPolicy-Bogus"))
                .hasMessageContaining("unknown security policy ELBSecurityPolicy-Bogus");
        assertThat(SecurityPolicy.named("ELBSecurityPolicy-TLS13-1-3-2021-06")).get()
                .extracting(SecurityPolicy::versions).isEqualTo(List.of("TLSv1.3"));
    }
}

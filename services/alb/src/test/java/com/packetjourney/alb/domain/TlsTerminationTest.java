package com.packetjourney.alb.domain;

import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.k8s.SecurityPolicy;
import com.packetjourney.contracts.world.LoadBalancer.Certificate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TlsTerminationTest {
    private final Certificate apexAndWildcard = new Certificate("arn:cert/1",
            List.of("packet-journey.com", "*.packet-journey.com"));
    private final Certificate www = new Certificate("arn:cert/2", List.of("www.packet-journey.com"));

    @Test
    void theSniNameIsCoveredExactlyOrByAOneLabelWildcard() {
        assertThat(TlsTermination.negotiate("packet-journey.com", List.of(apexAndWildcard)))
                .contains(new TlsTermination("packet-journey.com", "arn:cert/1", "exact packet-journey.com", null, null));
        assertThat(TlsTermination.negotiate("Shop.Packet-Journey.com", List.of(apexAndWildcard)))
                .get().extracting(TlsTermination::certificateMatch).isEqualTo("wildcard *.packet-journey.com");
        // RFC 6125 §6.4.3: the wildcard stands for exactly one label
        assertThat(TlsTermination.negotiate("a.b.packet-journey.com", List.of(apexAndWildcard))).isEmpty();
        assertThat(TlsTermination.coversByWildcard("*.packet-journey.com", "packet-journey.com")).isFalse();
    }

    @Test
    void anExactCertificateWinsOverAWildcardListedBeforeIt() {
        assertThat(TlsTermination.negotiate("www.packet-journey.com", List.of(apexAndWildcard, www)))
                .get().extracting(TlsTermination::certificateArn).isEqualTo("arn:cert/2");
    }

    @Test
    void noCoveringCertificateOrNoSniMeansNoSession() {
        assertThat(TlsTermination.negotiate("example.org", List.of(apexAndWildcard, www))).isEmpty();
        assertThat(TlsTermination.negotiate(null, List.of(apexAndWildcard))).isEmpty();
    }

    @Test
    void theSessionCarriesWhatTheHandshakeAgreedAndH2() {
        TlsNegotiation.Result agreed = TlsNegotiation.negotiate(
                SecurityPolicy.ofListener("ELBSecurityPolicy-TLS13-1-2-2021-06"), ClientHello.CHROME, TlsNegotiation.RSA);
        AlbForwarded.Tls tls = TlsTermination.negotiate("packet-journey.com", List.of(apexAndWildcard))
                .orElseThrow().with(agreed).toPayload();
        assertThat(tls.version()).isEqualTo("TLSv1.3");
        assertThat(tls.cipher()).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(tls.alpn()).isEqualTo("h2");
        assertThat(tls.sni()).isEqualTo("packet-journey.com");
    }
}

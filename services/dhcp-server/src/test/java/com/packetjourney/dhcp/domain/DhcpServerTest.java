package com.packetjourney.dhcp.domain;

import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.world.LanSegment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DhcpServerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private final LanSegment lan = new LanSegment("home", "192.168.1.0/24", "home-router", "192.168.1.1",
            "198.51.100.23", 64500, "192.168.1.100", "192.168.1.199", 86400, List.of("192.168.1.1"),
            "198.51.100.53", 500);

    private DhcpServer server() {
        return new DhcpServer(lan, new LeasePool("home", lan.poolStart(), lan.poolEnd(), lan.leaseSeconds()));
    }

    @Test
    void aNewClientGoesThroughDiscoverOfferRequestAck() {
        DhcpServer.Result r = server().configure("3c:22:fb:7a:10:01", T0, 0x3903f326L);
        assertThat(r.mode()).isEqualTo(DhcpConfigured.MODE_FULL_EXCHANGE);
        assertThat(r.exchange()).extracting(DhcpConfigured.DhcpMessage::type)
                .containsExactly("DHCPDISCOVER", "DHCPOFFER", "DHCPREQUEST", "DHCPACK");
        assertThat(r.exchange()).allSatisfy(m -> assertThat(m.xid()).isEqualTo("0x3903f326"));
        DhcpConfigured.DhcpMessage offer = r.exchange().get(1);
        assertThat(offer.yiaddr()).isEqualTo("192.168.1.100");
        assertThat(offer.options()).extracting(DhcpConfigured.DhcpOption::code).contains(1, 3, 6, 51, 54);
        assertThat(r.lease()).get().extracting(Lease::address).isEqualTo("192.168.1.100");
    }

    @Test
    void aValidLeaseBeforeT1MeansNoDhcpTraffic() {
        DhcpServer server = server();
        server.configure("aa", T0, 1);
        DhcpServer.Result again = server.configure("aa", T0.plusSeconds(3600), 2);
        assertThat(again.mode()).isEqualTo(DhcpConfigured.MODE_LEASE_VALID);
        assertThat(again.exchange()).isEmpty();
    }

    @Test
    void afterT1TheClientRenewsByUnicast() {
        DhcpServer server = server();
        server.configure("aa", T0, 1);
        DhcpServer.Result renewed = server.configure("aa", T0.plusSeconds(43200), 2);
        assertThat(renewed.mode()).isEqualTo(DhcpConfigured.MODE_RENEWED);
        assertThat(renewed.exchange()).extracting(DhcpConfigured.DhcpMessage::type).containsExactly("DHCPREQUEST", "DHCPACK");
        assertThat(renewed.exchange().get(0).to()).isEqualTo("192.168.1.1:67");
        assertThat(renewed.lease().orElseThrow().boundAt()).isEqualTo(T0.plusSeconds(43200));
    }

    @Test
    void theDefaultRouteGoesViaTheOfferedRouter() {
        assertThat(server().routingTable("en0")).anySatisfy(r -> {
            assertThat(r.destination()).isEqualTo("0.0.0.0/0");
            assertThat(r.gateway()).isEqualTo("192.168.1.1");
        });
        assertThat(server().subnetMask()).isEqualTo("255.255.255.0");
    }

    @Test
    void anExhaustedPoolSendsNoOffer() {
        DhcpServer server = new DhcpServer(lan, new LeasePool("home", "192.168.1.100", "192.168.1.100", 86400));
        server.configure("aa", T0, 1);
        DhcpServer.Result r = server.configure("bb", T0, 2);
        assertThat(r.mode()).isEqualTo(DhcpConfigured.MODE_NO_OFFER);
        assertThat(r.exchange()).extracting(DhcpConfigured.DhcpMessage::type).containsExactly("DHCPDISCOVER");
        assertThat(r.lease()).isEmpty();
        assertThat(DhcpServer.linkLocalAddress("bb")).startsWith("169.254.");
    }
}

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
    void anExhaustedPoolSendsNoOfferSoTheDiscoverIsRetransmittedAndALinkLocalAddressClaimed() {
        DhcpServer server = new DhcpServer(lan, new LeasePool("home", "192.168.1.100", "192.168.1.100", 86400));
        server.configure("aa", T0, 1);
        DhcpServer.Result r = server.configure("bb", T0, 2);
        assertThat(r.mode()).isEqualTo(DhcpConfigured.MODE_NO_OFFER);
        // RFC 2131 §4.1: DISCOVER at 0, again about 4 s and 8 s later, then 16 s more before giving up
        assertThat(r.exchange()).extracting(DhcpConfigured.DhcpMessage::type)
                .containsExactly("DHCPDISCOVER", "DHCPDISCOVER", "DHCPDISCOVER");
        assertThat(r.lease()).isEmpty();
        DiscoverRetransmission retries = DiscoverRetransmission.seeded(2);
        LinkLocalClaim claim = LinkLocalClaim.of(DhcpServer.linkLocalAddress("bb"), 2);
        assertThat(r.waitedMicros()).isEqualTo(retries.giveUpMicros() + claim.claimedMicros());
        assertThat(r.timeline()).extracting(DhcpConfigured.TimelineEntry::event).filteredOn(e -> e.startsWith("ARP Probe"))
                .hasSize(3).allSatisfy(e -> assertThat(e).contains(claim.address()));
        assertThat(DhcpServer.linkLocalAddress("bb")).startsWith("169.254.");
    }

    @Test
    void discoverRetransmissionsDoubleFromFourSecondsWithinOneSecondOfJitter() {
        for (long seed = 0; seed < 50; seed++) {
            DiscoverRetransmission r = DiscoverRetransmission.seeded(seed);
            List<Long> sends = r.sendOffsetsMicros();
            assertThat(sends).hasSize(3);
            assertThat(sends.get(1) - sends.get(0)).isBetween(3_000_000L, 5_000_000L);
            assertThat(sends.get(2) - sends.get(1)).isBetween(7_000_000L, 9_000_000L);
            assertThat(r.giveUpMicros() - sends.get(2)).isBetween(15_000_000L, 17_000_000L);
        }
        assertThat(DiscoverRetransmission.seeded(7)).isEqualTo(DiscoverRetransmission.seeded(7));
    }

    @Test
    void aLinkLocalAddressIsClaimedAfterThreeProbesAndTheAnnounceWait() {
        // RFC 3927 §2.2.1: 0-1 s, three probes 1-2 s apart, then ANNOUNCE_WAIT 2 s: between 4 and 7 s
        for (long seed = 0; seed < 50; seed++) {
            LinkLocalClaim claim = LinkLocalClaim.of("169.254.7.9", seed);
            List<Long> probes = claim.probeOffsetsMicros();
            assertThat(probes).hasSize(3);
            assertThat(probes.get(0)).isBetween(0L, 1_000_000L);
            assertThat(probes.get(1) - probes.get(0)).isBetween(1_000_000L, 2_000_000L);
            assertThat(claim.claimedMicros() - probes.get(2)).isEqualTo(2_000_000L);
            assertThat(claim.claimedMicros()).isBetween(4_000_000L, 7_000_000L);
            assertThat(claim.announceOffsetsMicros()).containsExactly(claim.claimedMicros(),
                    claim.claimedMicros() + 2_000_000L);
        }
    }

    @Test
    void aRenewalTheServerCannotHonourGetsANakAndTheClientStartsOverWithDiscover() {
        // the pool shrank while the client held .100: at T1 the server cannot renew it (RFC 2131 §4.3.2)
        LeasePool pool = new LeasePool("home", "192.168.1.100", "192.168.1.199", 86400);
        new DhcpServer(lan, pool).configure("aa", T0, 1);
        LeasePool shrunk = new LeasePool("home", "192.168.1.150", "192.168.1.199", 86400);
        pool.bindingsSnapshot().forEach(shrunk::restore);
        DhcpServer.Result r = new DhcpServer(lan, shrunk).configure("aa", T0.plusSeconds(43200), 2);
        assertThat(r.mode()).isEqualTo(DhcpConfigured.MODE_RESTARTED_AFTER_NAK);
        assertThat(r.exchange()).extracting(DhcpConfigured.DhcpMessage::type).containsExactly("DHCPREQUEST",
                "DHCPNAK", "DHCPDISCOVER", "DHCPOFFER", "DHCPREQUEST", "DHCPACK");
        assertThat(r.exchange().get(1).options()).extracting(DhcpConfigured.DhcpOption::code).contains(53, 54, 56);
        assertThat(r.lease()).get().extracting(Lease::address).isEqualTo("192.168.1.150");
    }

    @Test
    void pastT2TheClientRebindsByBroadcast() {
        DhcpServer server = server();
        server.configure("aa", T0, 1);
        // T2 = 0.875 x 86400 s = 75600 s (RFC 2131 §4.4.5)
        DhcpServer.Result r = server.configure("aa", T0.plusSeconds(75600), 2);
        assertThat(r.mode()).isEqualTo(DhcpConfigured.MODE_REBOUND);
        DhcpConfigured.DhcpMessage request = r.exchange().get(0);
        assertThat(request.to()).isEqualTo("255.255.255.255:67");
        assertThat(request.ciaddr()).isEqualTo("192.168.1.100");
        assertThat(r.exchange()).extracting(DhcpConfigured.DhcpMessage::type).containsExactly("DHCPREQUEST", "DHCPACK");
        assertThat(server.configure("aa", T0.plusSeconds(75599), 3).mode()).as("still before T2 of the new lease")
                .isEqualTo(DhcpConfigured.MODE_LEASE_VALID);
    }

    @Test
    void aClientBackOnItsLinkChecksItsAddressWithInitReboot() {
        DhcpServer server = server();
        server.configure("aa", T0, 1);
        DhcpServer.Result r = server.configure("aa", T0.plusSeconds(600), 2, true);
        assertThat(r.mode()).isEqualTo(DhcpConfigured.MODE_INIT_REBOOT);
        DhcpConfigured.DhcpMessage request = r.exchange().get(0);
        // RFC 2131 §4.3.2: broadcast, ciaddr 0, the remembered address in option 50, no server identifier
        assertThat(request.ciaddr()).isEqualTo("0.0.0.0");
        assertThat(request.to()).isEqualTo("255.255.255.255:67");
        assertThat(request.options()).extracting(DhcpConfigured.DhcpOption::code).contains(50).doesNotContain(54);
        assertThat(request.options()).filteredOn(o -> o.code() == 50).singleElement()
                .extracting(DhcpConfigured.DhcpOption::value).isEqualTo("192.168.1.100");
        assertThat(r.lease()).get().extracting(Lease::address).isEqualTo("192.168.1.100");
    }
}

package com.packetjourney.dns.service;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.DnsResolved.CacheLookup;
import com.packetjourney.contracts.hop.DnsResolved.DnsStep;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.dns.domain.QueryPath;
import com.packetjourney.dns.domain.RecursiveResolver;
import com.packetjourney.dns.domain.TestZones;
import org.junit.jupiter.api.BeforeEach;
import com.packetjourney.kafka.WorldChanges;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class DnsServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final LanSegment HOME = new LanSegment("home", "192.168.1.0/24", "home-router", "192.168.1.1",
            "198.51.100.23", 64500, "192.168.1.100", "192.168.1.199", 86400, List.of("192.168.1.1"),
            "198.51.100.53", 500);
    /** root, com., then ns-1.awsdns-01.org.'s address through the root, org. and awsdns-01.org., then Route 53. */
    private static final long SCENARIO_RTTS = 12000 + 18000 + 12000 + 15000 + 9000 + 9000;

    private DnsService service;

    @BeforeEach
    void world() {
        service = new DnsService(Clock.fixed(T0, ZoneOffset.UTC), DnsServiceTest::noWorldChange);
        service.world().simulation().accept(Simulation.KEY, new Simulation("eks-nginx", 20230904, T0));
        service.world().lans().accept("home", HOME);
        service.world().clients().accept("laptop", new ClientDevice("laptop", "3c:22:fb:7a:10:01", "home"));
        TestZones.scenario().forEach(z -> service.zones().onZone(z.origin(), z));
    }

    private static HopEvent dhcpHop(String journeyId, String host) {
        JourneyContext request = JourneyContext.request("https://" + host + "/", "https", host, 443, "/", "laptop",
                "3c:22:fb:7a:10:01");
        HopEvent requested = HopEvent.first(journeyId, T0, 100, T0, Outcome.ok(), request,
                new JourneyRequested("https://" + host + "/", "GET", "laptop", "3c:22:fb:7a:10:01"));
        return requested.next(2000, T0, Outcome.ok(), request.withLease("192.168.1.100", "192.168.1.1", "192.168.1.1"),
                new DhcpConfigured("192.168.1.1", DhcpConfigured.MODE_FULL_EXCHANGE, List.of(), null, List.of()));
    }

    @Test
    void theLaptopsQueryIsResolvedFromTheRootToTheAlb() {
        HopEvent in = dhcpHop("j-1", "packet-journey.com");
        HopEvent out = service.handle(in);

        assertThat(out.hopType()).isEqualTo(HopType.DNS_RESOLVED);
        assertThat(out.service()).isEqualTo("dns-resolver");
        assertThat(out.causationId()).isEqualTo(in.eventId());
        assertThat(out.simStartedAt()).isEqualTo(in.simEndedAt());
        assertThat(out.outcome()).isEqualTo(Outcome.ok());
        // laptop -> router -> laptop over the LAN, router <-> ISP resolver, then every query's round trip
        assertThat(out.simLatencyMicros())
                .isEqualTo(2 * 500 + QueryPath.ROUTER_TO_RESOLVER_RTT_MICROS + SCENARIO_RTTS);
        DnsResolved dns = (DnsResolved) out.payload();
        assertThat(dns.question()).isEqualTo("packet-journey.com. IN A");
        assertThat(dns.answeredBy()).isEqualTo("iterative");
        assertThat(dns.cacheLookups()).extracting(CacheLookup::level, CacheLookup::result).containsExactly(
                tuple("browser", "MISS"), tuple("os", "MISS"), tuple("router", "MISS"), tuple("resolver", "MISS"));
        assertThat(dns.steps()).extracting(DnsStep::kind)
                .containsExactly("REFERRAL", "REFERRAL", "REFERRAL", "REFERRAL", "ANSWER", "ANSWER");
        assertThat(dns.steps()).extracting(DnsStep::latencyMicros)
                .containsExactly(12000L, 18000L, 12000L, 15000L, 9000L, 9000L);
        assertThat(dns.steps()).extracting(DnsStep::forNameServer).containsExactly(null, null,
                "ns-1.awsdns-01.org.", "ns-1.awsdns-01.org.", "ns-1.awsdns-01.org.", null);
        assertThat(dns.steps().get(0)).satisfies(s -> {
            assertThat(s.server()).isEqualTo("a.root-servers.net.");
            assertThat(s.serverIp()).isEqualTo("198.41.0.4");
            assertThat(s.zone()).isEqualTo(".");
            // QNAME minimisation: the root is only asked about com.
            assertThat(s.query()).isEqualTo("com. IN A");
            assertThat(s.response()).contains("AUTHORITY RECORDS").contains("a.gtld-servers.net.");
        });
        // the apex is a Route 53 alias: A records straight away, no CNAME
        assertThat(dns.cnameChain()).isEmpty();
        assertThat(dns.addresses()).containsExactly("54.217.10.21", "54.217.40.22");
        assertThat(dns.address()).isIn("54.217.10.21", "54.217.40.22");
        assertThat(dns.ttlSeconds()).isEqualTo(60);
        assertThat(out.context().serverIp()).isEqualTo(dns.address());
        assertThat(out.context().clientIp()).isEqualTo("192.168.1.100");
    }

    @Test
    void theSameJourneyInTheSameWorldGivesTheSameEvent() {
        assertThat(service.handle(dhcpHop("j-2", "packet-journey.com")))
                .isEqualTo(service.handle(dhcpHop("j-2", "packet-journey.com")));
    }

    @Test
    void journeysSpreadOverTheAlbsAddresses() {
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            chosen.add(((DnsResolved) service.handle(dhcpHop("j-spread-" + i, "packet-journey.com")).payload()).address());
        }
        assertThat(chosen).containsExactlyInAnyOrder("54.217.10.21", "54.217.40.22");
    }

    @Test
    void aMistypedHostFailsWithNxdomainNamingTheNameAndTheServer() {
        HopEvent out = service.handle(dhcpHop("j-4", "packet-journey.con"));

        assertThat(out.outcome().code()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(out.outcome().message()).contains("packet-journey.con.").contains("a.root-servers.net.")
                .contains("198.41.0.4");
        assertThat(out.simLatencyMicros()).isEqualTo(2 * 500 + QueryPath.ROUTER_TO_RESOLVER_RTT_MICROS + 12000);
        DnsResolved dns = (DnsResolved) out.payload();
        assertThat(dns.steps()).extracting(DnsStep::kind).containsExactly("NXDOMAIN");
        assertThat(dns.address()).isNull();
        assertThat(out.context().serverIp()).isNull();
    }

    @Test
    void aLaptopOnAnUnknownLanHasNoResolver() {
        service.world().lans().accept("home", null);
        HopEvent out = service.handle(dhcpHop("j-5", "packet-journey.com"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(out.outcome().message()).contains("laptop").contains("packet-journey.com.");
    }

    @Test
    void aDeletedZoneLeavesItsDelegationLame() {
        service.zones().onZone("amazonaws.com.", null);
        assertThat(service.zones().origins()).containsExactly(".", "awsdns-01.org.", "com.", "org.",
                "packet-journey.com.");

        HopEvent out = service.handle(dhcpHop("j-6", "www.packet-journey.com"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(out.outcome().message()).contains("amazonaws.com.").contains("ns1.amzndns.com. 205.251.242.103");
        assertThat(((DnsResolved) out.payload()).steps()).filteredOn(s -> s.forNameServer() == null)
                .extracting(DnsStep::kind).containsExactly("REFERRAL", "REFERRAL", "CNAME", "REFERRAL", "NO_RESPONSE");
        assertThat(out.simLatencyMicros()).isEqualTo(2 * 500 + QueryPath.ROUTER_TO_RESOLVER_RTT_MICROS
                + SCENARIO_RTTS + 18000 + RecursiveResolver.QUERY_TIMEOUT_MICROS);
    }

    @Test
    void aZoneARealServerWouldRefuseIsRefusedOnLoad() {
        // the scenario's zone as it once was: a CNAME at the apex beside SOA and NS (RFC 1034 §3.6.2)
        DnsZone cnameAtApex = new DnsZone("packet-journey.com.", TestZones.PACKET_JOURNEY.servers(), """
                $TTL 300
                @      IN SOA  ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 300
                @      IN NS   ns-1.awsdns-01.org.
                @      IN CNAME k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb.amazonaws.com.
                """);
        assertThatThrownBy(() -> service.zones().onZone("packet-journey.com.", cnameAtApex))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CNAME and other data (NS, SOA)");
        // and com. as it once was, giving an address under org. as glue (RFC 2181 §5.4.1)
        DnsZone outOfZoneGlue = TestZones.withRecords(TestZones.COM, "ns-1.awsdns-01.org. IN A 205.251.192.1\n");
        assertThatThrownBy(() -> service.zones().onZone("com.", outOfZoneGlue))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the zone");
        assertThat(service.zones().zone("packet-journey.com.")).contains(TestZones.PACKET_JOURNEY);
        assertThat(service.handle(dhcpHop("j-9", "packet-journey.com")).outcome().isOk()).isTrue();
    }

    @Test
    void anEditKeepsTheZonesAliasAndCannotPutACnameAtTheApex() {
        DnsZones.ZoneChange change = service.zones().replaceRRset("packet-journey.com.", "shop", "A", 60L,
                List.of("192.0.2.10"));
        assertThat(change.zone().aliases()).isEqualTo(TestZones.PACKET_JOURNEY.aliases());
        assertThatThrownBy(() -> service.zones().replaceRRset("packet-journey.com.", "@", "CNAME", 60L,
                List.of("elsewhere.example.")))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.field()).isEqualTo("type"))
                .hasMessageContaining("never at the apex");
    }

    @Test
    void aZoneThatDoesNotParseIsRefusedAndThePreviousVersionStays() {
        DnsZone broken = new DnsZone("amazonaws.com.", TestZones.AMAZONAWS.servers(), "@ IN A not-an-address\n");
        assertThatThrownBy(() -> service.zones().onZone("amazonaws.com.", broken)).isInstanceOf(IllegalArgumentException.class);
        assertThat(service.handle(dhcpHop("j-7", "packet-journey.com")).outcome().isOk()).isTrue();
    }

    @Test
    void anAddressLiteralNeedsNoQuery() {
        HopEvent out = service.handle(dhcpHop("j-8", "54.217.10.21"));
        assertThat(out.outcome().isOk()).isTrue();
        assertThat(out.simLatencyMicros()).isZero();
        assertThat(((DnsResolved) out.payload()).steps()).isEmpty();
        assertThat(out.context().serverIp()).isEqualTo("54.217.10.21");
    }

    @Test
    void aTraceResolvesWithoutAJourney() {
        DnsService.Trace trace = service.trace(Name.fromConstantString("packet-journey.com."));
        assertThat(trace.outcome().isOk()).isTrue();
        assertThat(trace.latencyMicros()).isEqualTo(SCENARIO_RTTS);
        assertThat(trace.resolution().steps()).hasSize(6);
        assertThat(trace.resolution().address()).isIn("54.217.10.21", "54.217.40.22");
    }

    /** These tests change the world only through the service's world records, never through its API. */
    private static <T> WorldChanges.Applied<T> noWorldChange(String topic, String key, T value) {
        throw new AssertionError("unexpected world change on " + topic);
    }
}

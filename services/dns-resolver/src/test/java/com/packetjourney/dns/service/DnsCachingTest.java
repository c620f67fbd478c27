package com.packetjourney.dns.service;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.DnsResolved.CacheFill;
import com.packetjourney.contracts.hop.DnsResolved.CacheLookup;
import com.packetjourney.contracts.hop.DnsResolved.DnsStep;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DnsCacheFlush;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.dns.domain.QueryPath;
import com.packetjourney.dns.domain.TestZones;
import com.packetjourney.kafka.WorldChanges;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static com.packetjourney.dns.domain.TestZones.ALB_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The cache levels of the DNS hop on the simulated clock, flushes, zone edits and the rebuild from the topic. */
class DnsCachingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final LanSegment HOME = new LanSegment("home", "192.168.1.0/24", "home-router", "192.168.1.1",
            "198.51.100.23", 64500, "192.168.1.100", "192.168.1.199", 86400, List.of("192.168.1.1"),
            "198.51.100.53", 500);
    /** The scenario's amazonaws.com. with a 300 s TTL on the ALB's addresses, so the browser's 60 s cap shows. */
    private static final DnsZone AMAZONAWS_300 = new DnsZone("amazonaws.com.", TestZones.AMAZONAWS.servers(),
            TestZones.AMAZONAWS.masterFile().replace(" 60 IN A ", " 300 IN A "));

    private static DnsService world(List<DnsZone> zones) {
        DnsService service = new DnsService(Clock.fixed(T0, ZoneOffset.UTC), DnsCachingTest::noWorldChange);
        service.world().simulation().accept(Simulation.KEY, new Simulation("eks-nginx", 20230904, T0));
        service.world().lans().accept("home", HOME);
        service.world().clients().accept("laptop", new ClientDevice("laptop", "3c:22:fb:7a:10:01", "home"));
        zones.forEach(z -> service.zones().onZone(z.origin(), z));
        return service;
    }

    private static List<DnsZone> zonesWith300sAddresses() {
        return TestZones.scenarioWith(AMAZONAWS_300);
    }

    /** The DHCP hop of a journey whose DNS hop starts at {@code at}. */
    private static HopEvent dhcpHop(String journeyId, String host, Instant at) {
        JourneyContext request = JourneyContext.request("https://" + host + "/", "https", host, 443, "/", "laptop",
                "3c:22:fb:7a:10:01");
        HopEvent requested = HopEvent.first(journeyId, at, 0, T0, Outcome.ok(), request,
                new JourneyRequested("https://" + host + "/", "GET", "laptop", "3c:22:fb:7a:10:01"));
        return requested.next(0, T0, Outcome.ok(), request.withLease("192.168.1.100", "192.168.1.1", "192.168.1.1"),
                new DhcpConfigured("192.168.1.1", DhcpConfigured.MODE_LEASE_VALID, List.of(), null, List.of()));
    }

    private static DnsResolved dns(HopEvent out) {
        return (DnsResolved) out.payload();
    }

    private static void flush(DnsService service, String level, String client, String lan, Instant at) {
        DnsCacheFlush flush = new DnsCacheFlush(level, client, lan, null, at);
        service.onCacheFlush(flush.key(), flush);
    }

    @Test
    void eachLevelAnswersWhileItsTtlLastsAndFillsTheLevelsBelow() {
        DnsService service = world(zonesWith300sAddresses());

        HopEvent first = service.handle(dhcpHop("j-1", "packet-journey.com", T0));
        assertThat(dns(first).answeredBy()).isEqualTo("iterative");
        assertThat(first.simLatencyMicros()).isEqualTo(2 * 500 + QueryPath.ROUTER_TO_RESOLVER_RTT_MICROS + 75000);
        assertThat(dns(first).ttlSeconds()).isEqualTo(300);
        assertThat(dns(first).cacheFills()).extracting(CacheFill::level, CacheFill::cache).endsWith(
                tuple("router", "home"), tuple("os", "laptop"), tuple("browser", "laptop"));
        assertThat(dns(first).cacheFills()).filteredOn(f -> f.level().equals("browser")).singleElement()
                .satisfies(f -> assertThat(f.records()).containsExactly("packet-journey.com. 60 IN A 54.217.10.21",
                        "packet-journey.com. 60 IN A 54.217.40.22"));

        // 30 s later the browser still has it (stored 67 ms after T0, kept 60 s)
        HopEvent browser = service.handle(dhcpHop("j-2", "packet-journey.com", T0.plusSeconds(30)));
        assertThat(dns(browser).answeredBy()).isEqualTo("browser-cache");
        assertThat(dns(browser).cacheLookups()).containsExactly(new CacheLookup("browser", "HIT", 30L));
        assertThat(dns(browser).ttlSeconds()).isEqualTo(30);
        assertThat(dns(browser).steps()).isEmpty();
        assertThat(dns(browser).cacheFills()).isEmpty();
        assertThat(dns(browser).cnameChain()).isEmpty();
        assertThat(browser.simLatencyMicros()).isZero();
        assertThat(browser.context().serverIp()).isIn("54.217.10.21", "54.217.40.22");

        // past the browser's 60 s the OS stub still holds the 300 s answer
        HopEvent os = service.handle(dhcpHop("j-3", "packet-journey.com", T0.plusSeconds(90)));
        assertThat(dns(os).answeredBy()).isEqualTo("os-cache");
        assertThat(dns(os).cacheLookups()).containsExactly(new CacheLookup("browser", "EXPIRED", -29L),
                new CacheLookup("os", "HIT", 210L));
        assertThat(os.simLatencyMicros()).isEqualTo(QueryPath.OS_CACHE_MICROS);
        assertThat(dns(os).cacheFills()).extracting(CacheFill::level).containsExactly("browser");

        flush(service, "browser", "laptop", null, T0.plusSeconds(95));
        flush(service, "os", "laptop", null, T0.plusSeconds(95));
        HopEvent router = service.handle(dhcpHop("j-4", "packet-journey.com", T0.plusSeconds(100)));
        assertThat(dns(router).answeredBy()).isEqualTo("router-cache");
        assertThat(dns(router).cacheLookups()).containsExactly(new CacheLookup("browser", "MISS", null),
                new CacheLookup("os", "MISS", null), new CacheLookup("router", "HIT", 200L));
        assertThat(router.simLatencyMicros()).isEqualTo(2 * 500);
        assertThat(dns(router).cacheFills()).extracting(CacheFill::level).containsExactly("os", "browser");

        flush(service, "browser", "laptop", null, T0.plusSeconds(105));
        flush(service, "os", "laptop", null, T0.plusSeconds(105));
        flush(service, "router", null, "home", T0.plusSeconds(105));
        HopEvent resolver = service.handle(dhcpHop("j-5", "packet-journey.com", T0.plusSeconds(110)));
        assertThat(dns(resolver).answeredBy()).isEqualTo("resolver-cache");
        assertThat(dns(resolver).cacheLookups()).extracting(CacheLookup::level, CacheLookup::result,
                CacheLookup::ttlRemainingSeconds).containsExactly(tuple("browser", "MISS", null),
                tuple("os", "MISS", null), tuple("router", "MISS", null), tuple("resolver", "HIT", 190L));
        assertThat(dns(resolver).steps()).isEmpty();
        assertThat(resolver.simLatencyMicros()).isEqualTo(2 * 500 + QueryPath.ROUTER_TO_RESOLVER_RTT_MICROS);
        assertThat(dns(resolver).cacheFills()).extracting(CacheFill::level).containsExactly("router", "os", "browser");

        flush(service, "all", null, null, T0.plusSeconds(115));
        HopEvent cold = service.handle(dhcpHop("j-6", "packet-journey.com", T0.plusSeconds(120)));
        assertThat(dns(cold).answeredBy()).isEqualTo("iterative");
        assertThat(dns(cold).steps()).extracting(DnsStep::kind)
                .containsExactly("REFERRAL", "REFERRAL", "REFERRAL", "REFERRAL", "ANSWER", "ANSWER");
    }

    @Test
    void aStepCarriesItsQueryAndResponseAsWireBytes() throws IOException {
        DnsStep step = dns(world(TestZones.scenario()).handle(dhcpHop("j-w", "packet-journey.com", T0))).steps().get(0);
        Message query = new Message(Base64.getDecoder().decode(step.queryWire()));
        Message response = new Message(Base64.getDecoder().decode(step.responseWire()));
        assertThat(query.getQuestion().getName().toString()).isEqualTo("com.");
        assertThat(response.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(response.toString()).isEqualTo(step.response());
    }

    @Test
    void aMistypedNameIsRememberedByTheStubButNotByTheBrowser() {
        DnsService service = world(TestZones.scenario());
        HopEvent first = service.handle(dhcpHop("j-1", "packet-journey.con", T0));
        assertThat(first.outcome().code()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        // RFC 2308 §5: the root's SOA has TTL 518400 and MINIMUM 86400, so the name error lives 86400 s
        assertThat(dns(first).cacheFills()).extracting(CacheFill::level, CacheFill::name, CacheFill::type,
                CacheFill::negative).containsExactly(tuple("resolver", "packet-journey.con.", "ANY", "NXDOMAIN"),
                tuple("router", "packet-journey.con.", "A", "NXDOMAIN"),
                tuple("os", "packet-journey.con.", "A", "NXDOMAIN"));
        assertThat(dns(first).cacheFills().get(0).records()).singleElement().asString()
                .startsWith(". 86400 IN SOA a.root-servers.net.");

        HopEvent again = service.handle(dhcpHop("j-2", "packet-journey.con", T0.plusSeconds(10)));
        assertThat(again.outcome().code()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(again.outcome().message()).startsWith("packet-journey.con. does not exist (NXDOMAIN cached by "
                + "the os cache of laptop, 86390 s left)");
        assertThat(dns(again).answeredBy()).isEqualTo("os-cache");
        assertThat(dns(again).cacheLookups()).containsExactly(new CacheLookup("browser", "MISS", null),
                new CacheLookup("os", "NEGATIVE_HIT", 86390L));
        assertThat(again.simLatencyMicros()).isEqualTo(QueryPath.OS_CACHE_MICROS);
    }

    @Test
    void restartedFromItsOwnTopicTheServiceGivesTheSameNextAnswer() {
        DnsService before = world(zonesWith300sAddresses());
        List<HopEvent> written = new ArrayList<>();
        written.add(before.handle(dhcpHop("j-1", "packet-journey.com", T0)));
        written.add(before.handle(dhcpHop("j-2", "packet-journey.com", T0.plusSeconds(30))));
        written.add(before.handle(dhcpHop("j-3", "packet-journey.con", T0.plusSeconds(40))));
        flush(before, "browser", "laptop", null, T0.plusSeconds(45));
        written.add(before.handle(dhcpHop("j-4", "packet-journey.com", T0.plusSeconds(90))));

        // The topic has three partitions: a restart may read the events in any order.
        DnsService after = world(zonesWith300sAddresses());
        flush(after, "browser", "laptop", null, T0.plusSeconds(45));
        List<HopEvent> reread = new ArrayList<>(written);
        Collections.reverse(reread);
        reread.forEach(e -> after.onOwnHop(Json.read(Json.write(e), HopEvent.class)));

        assertThat(after.cachesAt(T0.plusSeconds(100))).isEqualTo(before.cachesAt(T0.plusSeconds(100)));
        assertThat(after.latestSimTime()).isEqualTo(before.latestSimTime());
        List<String> answeredBy = new ArrayList<>();
        for (String host : List.of("packet-journey.com", "packet-journey.con")) {
            HopEvent next = dhcpHop("j-5-" + host, host, T0.plusSeconds(100));
            HopEvent expected = before.handle(next);
            assertThat(after.handle(next)).isEqualTo(expected);
            answeredBy.add(dns(expected).answeredBy());
        }
        // j-4 refilled the browser at 90 s; the name error lives on in the OS stub
        assertThat(answeredBy).containsExactly("browser-cache", "os-cache");
    }

    @Test
    void aZoneEditReachesJourneysOnlyOnceWhatWasCachedExpires() throws InterruptedException {
        DnsService service = world(TestZones.scenario());
        assertThat(service.handle(dhcpHop("j-1", "packet-journey.com", T0)).context().serverIp())
                .isIn("54.217.10.21", "54.217.40.22");

        DnsZones.ZoneChange change = service.zones().replaceRRset("amazonaws.com", ALB_NAME, "A", 60L,
                List.of("192.0.2.99"));
        assertThat(change.key()).isEqualTo("amazonaws.com.");
        assertThat(change.zone().servers()).isEqualTo(TestZones.AMAZONAWS.servers());
        assertThat(change.zone().masterFile()).contains(ALB_NAME + " 60 IN A 192.0.2.99")
                .doesNotContain("54.217.10.21");
        // nothing changes until the world brings the edit back
        assertThat(service.zones().zone("amazonaws.com.")).contains(TestZones.AMAZONAWS);
        service.zones().onZone(change.key(), change.zone());
        assertThat(service.zones().zone("amazonaws.com.")).contains(change.zone());

        HopEvent cached = service.handle(dhcpHop("j-2", "packet-journey.com", T0.plusSeconds(30)));
        assertThat(dns(cached).answeredBy()).isEqualTo("browser-cache");
        assertThat(dns(cached).addresses()).containsExactly("54.217.10.21", "54.217.40.22");

        HopEvent expired = service.handle(dhcpHop("j-3", "packet-journey.com", T0.plusSeconds(61)));
        assertThat(dns(expired).answeredBy()).isEqualTo("iterative");
        // Route 53 looks the alias's target up afresh: the resolver only asks it, the cut it still knows
        assertThat(dns(expired).steps()).extracting(DnsStep::zone).containsExactly("packet-journey.com.");
        assertThat(dns(expired).addresses()).containsExactly("192.0.2.99");
        assertThat(expired.context().serverIp()).isEqualTo("192.0.2.99");
    }

    @Test
    void editsNameTheMissingZoneOrRrset() {
        DnsService service = world(TestZones.scenario());
        assertThatThrownBy(() -> service.zones().replaceRRset("example.org.", "www.example.org.", "A", 60L,
                List.of("1.2.3.4")))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.field()).isEqualTo("origin"));
        assertThatThrownBy(() -> service.zones().removeRRset("packet-journey.com.", "www", "A"))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> service.zones().removeRRset("packet-journey.com.", "@", "CNAME"))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(service.zones().removeRRset("packet-journey.com.", "www", "CNAME").zone().masterFile())
                .doesNotContain("CNAME");
    }

    /** These tests change the world only through the service's world records, never through its API. */
    private static <T> WorldChanges.Applied<T> noWorldChange(String topic, String key, T value) {
        throw new AssertionError("unexpected world change on " + topic);
    }
}

package com.packetjourney.dns.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.world.DnsZone;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static com.packetjourney.dns.domain.TestZones.ALB_NAME;
import static com.packetjourney.dns.domain.TestZones.AMAZONAWS;
import static com.packetjourney.dns.domain.TestZones.COM;
import static com.packetjourney.dns.domain.TestZones.PACKET_JOURNEY;
import static com.packetjourney.dns.domain.TestZones.ROOT;
import static com.packetjourney.dns.domain.TestZones.withRecords;
import static com.packetjourney.dns.domain.TestZones.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RecursiveResolverTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");

    /** A resolver whose cache keeps what each resolution learned, stored at the instant it ran. */
    private static final class WarmResolver {
        private final RecursiveResolver resolver;
        private final DnsCaches caches = new DnsCaches();
        private int journeys;

        WarmResolver(List<DnsZone> zones) {
            resolver = new RecursiveResolver(TestZones.servers(zones));
        }

        Resolution resolveAt(Instant now) {
            Resolution r = resolver.resolve(Name.fromConstantString("packet-journey.com."), new SplittableRandom(42),
                    caches.resolver("198.51.100.53", now));
            String journey = "j-" + journeys++;
            for (int i = 0; i < r.learned().size(); i++) {
                caches.store(CacheLevel.RESOLVER, "198.51.100.53", new CacheStamp(now, journey, i), r.learned().get(i));
            }
            return r;
        }
    }

    private static Resolution resolve(List<DnsZone> zones, String name) {
        return new RecursiveResolver(TestZones.servers(zones))
                .resolve(Name.fromConstantString(name), new SplittableRandom(42));
    }

    private static List<Step.Kind> kinds(Resolution r) {
        return r.steps().stream().map(Step::kind).toList();
    }

    private static List<String> serverIps(Resolution r) {
        return r.steps().stream().map(Step::serverIp).toList();
    }

    @Test
    void theScenarioFollowsTheCnameFromPacketJourneyToTheAlbAcrossZones() {
        Resolution r = resolve(TestZones.scenario(), "packet-journey.com.");

        assertThat(r.isResolved()).isTrue();
        assertThat(kinds(r)).containsExactly(Step.Kind.REFERRAL, Step.Kind.REFERRAL, Step.Kind.CNAME,
                Step.Kind.REFERRAL, Step.Kind.ANSWER);
        // After the CNAME the resolver starts again from com., the deepest cut it knows, not from the root.
        assertThat(serverIps(r)).containsExactly("198.41.0.4", "192.5.6.30", "205.251.192.1", "192.5.6.30",
                "205.251.242.103");
        assertThat(r.steps()).extracting(s -> s.zone().toString())
                .containsExactly(".", "com.", "packet-journey.com.", "com.", "amazonaws.com.");
        assertThat(r.steps()).extracting(Step::query).containsExactly("packet-journey.com. IN A",
                "packet-journey.com. IN A", "packet-journey.com. IN A", ALB_NAME + " IN A", ALB_NAME + " IN A");
        assertThat(r.steps()).extracting(s -> s.server().toString()).containsExactly("a.root-servers.net.",
                "a.gtld-servers.net.", "ns-1.awsdns-01.org.", "a.gtld-servers.net.", "ns1.amzndns.com.");
        assertThat(r.cnameChain()).extracting(Name::toString).containsExactly("packet-journey.com.", ALB_NAME);
        assertThat(r.addressStrings()).containsExactly("54.217.10.21", "54.217.40.22");
        assertThat(r.ttlSeconds()).isEqualTo(60);
        assertThat(r.latencyMicros()).isEqualTo(12000 + 18000 + 9000 + 18000 + 7000);

        Step referral = r.steps().get(0);
        assertThat(referral.response().getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(referral.responseText()).contains("status: NOERROR").contains("com.\t\t\t172800\tIN\tNS\ta.gtld-servers.net.")
                .contains("a.gtld-servers.net.\t172800\tIN\tA\t192.5.6.30");
        Step answer = r.steps().get(4);
        assertThat(answer.response().getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(answer.responseText()).contains("flags: qr aa").contains("54.217.40.22").contains("Message size");
    }

    @Test
    void theSameRandomSourceGivesTheSameTrace() {
        Resolution a = resolve(TestZones.scenario(), "packet-journey.com.");
        Resolution b = resolve(TestZones.scenario(), "packet-journey.com.");
        assertThat(a.steps()).extracting(Step::responseText).isEqualTo(b.steps().stream().map(Step::responseText).toList());
    }

    @Test
    void aNameThatDoesNotExistIsNxdomainWithTheSoaForNegativeCaching() {
        Resolution r = resolve(TestZones.scenario(), "no-such-site.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(r.failureMessage()).contains("no-such-site.com.").contains("a.gtld-servers.net.").contains("192.5.6.30");
        assertThat(kinds(r)).containsExactly(Step.Kind.REFERRAL, Step.Kind.NXDOMAIN);
        // RFC 2308 §3: the negative TTL is the lesser of the SOA's TTL (172800) and its MINIMUM (900).
        assertThat(r.steps().get(1).response().getSection(Section.AUTHORITY))
                .singleElement().satisfies(soa -> assertThat(soa.getTTL()).isEqualTo(900));
        assertThat(r.addresses()).isEmpty();
        assertThat(r.ttlSeconds()).isNull();
    }

    @Test
    void aNameBehindTheCnameThatDoesNotExistNamesTheAlias() {
        List<DnsZone> zones = List.of(ROOT, COM, AMAZONAWS, withRecords(PACKET_JOURNEY,
                "www IN CNAME gone.eu-west-1.elb.amazonaws.com.\n"));
        Resolution r = resolve(zones, "www.packet-journey.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(r.failureMessage()).startsWith("gone.eu-west-1.elb.amazonaws.com. does not exist (canonical name of www.packet-journey.com.)");
        assertThat(r.cnameChain()).extracting(Name::toString)
                .containsExactly("www.packet-journey.com.", "gone.eu-west-1.elb.amazonaws.com.");
    }

    @Test
    void anExistingNameWithoutAnAddressIsNodataAndSoIsAnEmptyNonTerminal() {
        Resolution apex = resolve(TestZones.scenario(), "amazonaws.com.");
        assertThat(apex.failure()).isEqualTo(FailureCode.DNS_NODATA);
        assertThat(kinds(apex)).containsExactly(Step.Kind.REFERRAL, Step.Kind.REFERRAL, Step.Kind.NODATA);
        assertThat(apex.failureMessage()).contains("amazonaws.com. exists but has no A record")
                .contains("ns1.amzndns.com.").contains("205.251.242.103");

        // eu-west-1.elb.amazonaws.com. owns no record but names below it do (RFC 4592 §2.2.2): it exists.
        Resolution between = resolve(TestZones.scenario(), "eu-west-1.elb.amazonaws.com.");
        assertThat(between.failure()).isEqualTo(FailureCode.DNS_NODATA);
    }

    @Test
    void aCnameLoopAcrossZonesIsDetected() {
        List<DnsZone> zones = List.of(
                withRecords(ROOT, """
                        one.  IN NS ns.one.
                        ns.one. IN A 192.0.2.1
                        two.  IN NS ns.two.
                        ns.two. IN A 192.0.2.2
                        """),
                zone("one.", "ns.one.", "192.0.2.1", 1000, """
                        $TTL 60
                        @ IN SOA ns.one. admin.one. 1 60 60 60 60
                        @ IN NS ns.one.
                        a IN CNAME b.two.
                        """),
                zone("two.", "ns.two.", "192.0.2.2", 1000, """
                        $TTL 60
                        @ IN SOA ns.two. admin.two. 1 60 60 60 60
                        @ IN NS ns.two.
                        b IN CNAME a.one.
                        """));
        Resolution r = resolve(zones, "a.one.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_CNAME_LOOP);
        assertThat(r.failureMessage()).isEqualTo("CNAME loop: a.one. -> b.two. -> a.one.");
        assertThat(kinds(r)).containsExactly(Step.Kind.REFERRAL, Step.Kind.CNAME, Step.Kind.REFERRAL, Step.Kind.CNAME);
    }

    @Test
    void aCnameLoopInsideOneZoneIsDetected() {
        List<DnsZone> zones = List.of(ROOT, COM, AMAZONAWS, withRecords(PACKET_JOURNEY, """
                x IN CNAME y
                y IN CNAME x
                """));
        Resolution r = resolve(zones, "x.packet-journey.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_CNAME_LOOP);
        assertThat(r.failureMessage()).contains("x.packet-journey.com. -> y.packet-journey.com. -> x.packet-journey.com.");
    }

    @Test
    void chainsOfEightAliasesResolveButNineAreTooLong() {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            records.append("c").append(i).append(" IN CNAME c").append(i + 1).append('\n');
        }
        records.append("c9 IN A 192.0.2.9\n");
        List<DnsZone> zones = List.of(ROOT, COM, AMAZONAWS, withRecords(PACKET_JOURNEY, records.toString()));

        Resolution eight = resolve(zones, "c1.packet-journey.com.");
        assertThat(eight.isResolved()).isTrue();
        assertThat(eight.cnameChain()).hasSize(9);
        assertThat(eight.addressStrings()).containsExactly("192.0.2.9");
        assertThat(kinds(eight)).containsExactly(Step.Kind.REFERRAL, Step.Kind.REFERRAL, Step.Kind.ANSWER);

        Resolution nine = resolve(zones, "c0.packet-journey.com.");
        assertThat(nine.failure()).isEqualTo(FailureCode.DNS_CNAME_LOOP);
        assertThat(nine.failureMessage()).startsWith("CNAME chain longer than 8: c0.packet-journey.com. -> ");
    }

    @Test
    void aDelegationToAnAddressWhereNoServerListensIsServfail() {
        List<DnsZone> zones = new ArrayList<>(TestZones.scenario());
        zones.set(1, withRecords(COM, """
                lame.com. IN NS ns.lame-hosting.net.
                ns.lame-hosting.net. IN A 203.0.113.53
                """));
        Resolution r = resolve(zones, "www.lame.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(kinds(r)).containsExactly(Step.Kind.REFERRAL, Step.Kind.REFERRAL, Step.Kind.NO_RESPONSE);
        Step silent = r.steps().get(2);
        assertThat(silent.response()).isNull();
        assertThat(silent.latencyMicros()).isEqualTo(RecursiveResolver.QUERY_TIMEOUT_MICROS);
        assertThat(silent.responseText()).contains("203.0.113.53").contains("timed out");
        assertThat(r.failureMessage()).contains("lame.com.").contains("www.lame.com.").contains("ns.lame-hosting.net.")
                .contains("203.0.113.53").contains("did not respond");
    }

    @Test
    void aDelegationToAServerThatDoesNotServeTheZoneIsServfail() {
        List<DnsZone> zones = new ArrayList<>(TestZones.scenario());
        zones.set(1, withRecords(COM, "lame.com. IN NS ns-1.awsdns-01.org.\n"));
        Resolution r = resolve(zones, "www.lame.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(kinds(r)).containsExactly(Step.Kind.REFERRAL, Step.Kind.REFERRAL, Step.Kind.NO_RESPONSE);
        assertThat(r.steps().get(2).responseText()).contains("status: REFUSED");
        assertThat(r.steps().get(2).latencyMicros()).isEqualTo(9000);
        assertThat(r.failureMessage()).contains("ns-1.awsdns-01.org. 205.251.192.1 answered REFUSED");
    }

    @Test
    void aDelegationWithoutGlueIsServfail() {
        List<DnsZone> zones = new ArrayList<>(TestZones.scenario());
        zones.set(1, withRecords(COM, "noglue.com. IN NS ns.elsewhere.org.\n"));
        Resolution r = resolve(zones, "noglue.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(kinds(r)).containsExactly(Step.Kind.REFERRAL, Step.Kind.REFERRAL);
        assertThat(r.failureMessage()).contains("a.gtld-servers.net. (192.5.6.30)").contains("noglue.com.")
                .contains("no glue address for ns.elsewhere.org.");
    }

    @Test
    void everyRrsetReceivedIsLearnedWithItsTtl() {
        Resolution r = resolve(TestZones.scenario(), "packet-journey.com.");
        assertThat(r.learned()).extracting(e -> e.key().toString(), CacheEntry::ttlSeconds).containsExactly(
                tuple("com. NS", 172800L), tuple("a.gtld-servers.net. A", 172800L),
                tuple("packet-journey.com. NS", 172800L), tuple("ns-1.awsdns-01.org. A", 172800L),
                tuple("packet-journey.com. CNAME", 300L),
                tuple("amazonaws.com. NS", 172800L), tuple("ns1.amzndns.com. A", 172800L),
                tuple(ALB_NAME + " A", 60L));
        assertThat(r.cacheLookup().result()).isEqualTo(CacheProbe.Result.MISS);
        assertThat(r.answerEntry()).hasValueSatisfying(e -> assertThat(e.masterFile()).containsExactly(
                "packet-journey.com. 60 IN CNAME " + ALB_NAME, ALB_NAME + " 60 IN A 54.217.10.21",
                ALB_NAME + " 60 IN A 54.217.40.22"));
    }

    @Test
    void aWarmCacheAnswersWithoutAQueryAndTheTtlLeft() {
        WarmResolver resolver = new WarmResolver(TestZones.scenario());
        resolver.resolveAt(T0);
        Resolution r = resolver.resolveAt(T0.plusSeconds(30));

        assertThat(r.steps()).isEmpty();
        assertThat(r.isFromCache()).isTrue();
        assertThat(r.cacheLookup().result()).isEqualTo(CacheProbe.Result.HIT);
        assertThat(r.ttlSeconds()).isEqualTo(30);
        assertThat(r.cacheLookup().ttlRemainingSeconds()).isEqualTo(30);
        assertThat(r.cnameChain()).extracting(Name::toString).containsExactly("packet-journey.com.", ALB_NAME);
        assertThat(r.addressStrings()).containsExactly("54.217.10.21", "54.217.40.22");
        assertThat(r.learned()).isEmpty();
    }

    @Test
    void onceTheAddressExpiredTheResolverAsksTheAmazonawsServersStraightAway() {
        WarmResolver resolver = new WarmResolver(TestZones.scenario());
        resolver.resolveAt(T0);
        Resolution r = resolver.resolveAt(T0.plusSeconds(120));

        // The CNAME (300 s) is still cached, the ALB's A (60 s) expired 60 s ago; the amazonaws.com. cut and its
        // glue (172800 s) are cached, so neither the root nor com. is asked (RFC 1034 §5.3.3 step 2).
        assertThat(r.cacheLookup().result()).isEqualTo(CacheProbe.Result.EXPIRED);
        assertThat(r.cacheLookup().ttlRemainingSeconds()).isEqualTo(-60);
        assertThat(kinds(r)).containsExactly(Step.Kind.ANSWER);
        assertThat(serverIps(r)).containsExactly("205.251.242.103");
        assertThat(r.steps().get(0).query()).isEqualTo(ALB_NAME + " IN A");
        assertThat(r.latencyMicros()).isEqualTo(7000);
        assertThat(r.cnameChain()).extracting(Name::toString).containsExactly("packet-journey.com.", ALB_NAME);
        assertThat(r.answer()).extracting(Record::getTTL).containsExactly(180L, 60L, 60L);
        assertThat(r.ttlSeconds()).isEqualTo(60);
        assertThat(r.learned()).extracting(e -> e.key().toString()).containsExactly(ALB_NAME + " A");
    }

    @Test
    void onceTheAliasExpiredTooTheResolverStartsAtTheDeepestCutsItStillKnows() {
        WarmResolver resolver = new WarmResolver(TestZones.scenario());
        resolver.resolveAt(T0);
        Resolution r = resolver.resolveAt(T0.plusSeconds(600));

        assertThat(kinds(r)).containsExactly(Step.Kind.CNAME, Step.Kind.ANSWER);
        assertThat(serverIps(r)).containsExactly("205.251.192.1", "205.251.242.103");
    }

    @Test
    void withoutZonesThereIsNoRootToStartFrom() {
        Resolution r = resolve(List.of(), "packet-journey.com.");
        assertThat(r.failure()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(r.steps()).isEmpty();
        assertThat(r.failureMessage()).contains("no server of zone . answered for packet-journey.com.");
    }
}

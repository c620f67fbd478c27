package com.packetjourney.dns.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.world.DnsZone;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static com.packetjourney.dns.domain.TestZones.ALB_NAME;
import static com.packetjourney.dns.domain.TestZones.COM;
import static com.packetjourney.dns.domain.TestZones.PACKET_JOURNEY;
import static com.packetjourney.dns.domain.TestZones.ROOT;
import static com.packetjourney.dns.domain.TestZones.scenarioWith;
import static com.packetjourney.dns.domain.TestZones.withRecords;
import static com.packetjourney.dns.domain.TestZones.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RecursiveResolverTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final Name APEX = Name.fromConstantString("packet-journey.com.");
    private static final Name WWW = Name.fromConstantString("www.packet-journey.com.");
    private static final Name NS1 = Name.fromConstantString("ns-1.awsdns-01.org.");

    /** A resolver whose cache keeps what each resolution learned, stored at the instant it ran. */
    private static final class WarmResolver {
        private final RecursiveResolver resolver;
        private final DnsCaches caches = new DnsCaches();
        private int journeys;

        WarmResolver(List<DnsZone> zones) {
            resolver = new RecursiveResolver(TestZones.servers(zones));
        }

        Resolution resolveAt(Name name, Instant now) {
            Resolution r = resolver.resolve(name, new SplittableRandom(42), caches.resolver("198.51.100.53", now));
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

    /** The kinds of the question's own steps, without those looking up name server addresses. */
    private static List<Step.Kind> ownKinds(Resolution r) {
        return r.steps().stream().filter(s -> s.forNameServer() == null).map(Step::kind).toList();
    }

    private static List<String> serverIps(Resolution r) {
        return r.steps().stream().map(Step::serverIp).toList();
    }

    @Test
    void theApexIsARoute53AliasAnsweredAsTheAlbsARecordsAfterLookingUpTheGluelessNameServerThroughOrg() {
        Resolution r = resolve(TestZones.scenario(), "packet-journey.com.");

        assertThat(r.isResolved()).isTrue();
        assertThat(r.steps()).extracting(s -> s.serverIp(), s -> s.zone().toString(), Step::query, Step::kind,
                s -> s.forNameServer() == null ? null : s.forNameServer().toString()).containsExactly(
                tuple("198.41.0.4", ".", "com. IN A", Step.Kind.REFERRAL, null),
                tuple("192.5.6.30", "com.", "packet-journey.com. IN A", Step.Kind.REFERRAL, null),
                // com. cannot vouch for an address under org. (RFC 2181 §5.4.1): ns-1's is looked up on the side
                tuple("198.41.0.4", ".", "org. IN A", Step.Kind.REFERRAL, NS1.toString()),
                tuple("199.19.56.1", "org.", "awsdns-01.org. IN A", Step.Kind.REFERRAL, NS1.toString()),
                tuple("205.251.192.1", "awsdns-01.org.", "ns-1.awsdns-01.org. IN A", Step.Kind.ANSWER,
                        NS1.toString()),
                tuple("205.251.192.1", "packet-journey.com.", "packet-journey.com. IN A", Step.Kind.ANSWER, null));
        Step comReferral = r.steps().get(1);
        assertThat(comReferral.response().getSection(Section.ADDITIONAL)).isEmpty();

        // Route 53's alias: the ALB's A records under the apex's name, with their TTL of 60 s, and no CNAME
        Step answer = r.steps().get(5);
        assertThat(answer.response().getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(answer.response().getSection(Section.ANSWER)).allSatisfy(a -> {
            assertThat(a.getType()).isEqualTo(Type.A);
            assertThat(a.getName()).isEqualTo(APEX);
            assertThat(a.getTTL()).isEqualTo(60);
        });
        assertThat(r.cnameChain()).isEmpty();
        assertThat(r.addressStrings()).containsExactly("54.217.10.21", "54.217.40.22");
        assertThat(r.ttlSeconds()).isEqualTo(60);
        assertThat(r.latencyMicros()).isEqualTo(12000 + 18000 + 12000 + 15000 + 9000 + 9000);
    }

    @Test
    void wwwIsACnameToTheAlbAndMinimisationShowsTheAmazonawsServersOneLabelAtATime() {
        Resolution r = resolve(TestZones.scenario(), "www.packet-journey.com.");

        assertThat(r.isResolved()).isTrue();
        assertThat(r.cnameChain()).extracting(Name::toString).containsExactly("www.packet-journey.com.", ALB_NAME);
        assertThat(r.steps()).filteredOn(s -> s.forNameServer() == null)
                .extracting(s -> s.serverIp(), Step::query, Step::kind).containsExactly(
                        tuple("198.41.0.4", "com. IN A", Step.Kind.REFERRAL),
                        tuple("192.5.6.30", "packet-journey.com. IN A", Step.Kind.REFERRAL),
                        tuple("205.251.192.1", "www.packet-journey.com. IN A", Step.Kind.CNAME),
                        // after the CNAME the resolver starts again from com., the deepest cut it knows
                        tuple("192.5.6.30", "amazonaws.com. IN A", Step.Kind.REFERRAL),
                        // RFC 9156: empty non-terminals answer NODATA, so the next label is asked for
                        tuple("205.251.242.103", "elb.amazonaws.com. IN A", Step.Kind.NODATA),
                        tuple("205.251.242.103", "eu-west-1.elb.amazonaws.com. IN A", Step.Kind.NODATA),
                        tuple("205.251.242.103", ALB_NAME + " IN A", Step.Kind.ANSWER));
        assertThat(r.addressStrings()).containsExactly("54.217.10.21", "54.217.40.22");
    }

    @Test
    void withoutQnameMinimisationEveryServerIsAskedTheFullName() {
        Resolution r = new RecursiveResolver(TestZones.servers(TestZones.scenario()), false)
                .resolve(WWW, new SplittableRandom(42));

        assertThat(r.steps()).filteredOn(s -> s.forNameServer() == null).extracting(Step::query)
                .containsExactly("www.packet-journey.com. IN A", "www.packet-journey.com. IN A",
                        "www.packet-journey.com. IN A", ALB_NAME + " IN A", ALB_NAME + " IN A");
        assertThat(r.steps()).filteredOn(s -> s.forNameServer() != null).extracting(Step::query)
                .containsOnly("ns-1.awsdns-01.org. IN A");
        assertThat(r.addressStrings()).containsExactly("54.217.10.21", "54.217.40.22");
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
    void aMinimisedNameThatDoesNotExistEndsTheResolutionThere() {
        // RFC 8020: NXDOMAIN for shop.no-such-site.com.'s ancestor means nothing exists below it either
        Resolution r = resolve(TestZones.scenario(), "shop.no-such-site.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(r.steps()).extracting(Step::query).containsExactly("com. IN A", "no-such-site.com. IN A");
        assertThat(r.failureMessage()).startsWith("shop.no-such-site.com. does not exist: nothing exists at or "
                + "below no-such-site.com. (RFC 8020)");
    }

    @Test
    void aNameBehindTheCnameThatDoesNotExistNamesTheAlias() {
        List<DnsZone> zones = scenarioWith(withRecords(PACKET_JOURNEY, "old IN CNAME gone.eu-west-1.elb.amazonaws.com.\n"));
        Resolution r = resolve(zones, "old.packet-journey.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(r.failureMessage()).startsWith("gone.eu-west-1.elb.amazonaws.com. does not exist (canonical name of old.packet-journey.com.)");
        assertThat(r.cnameChain()).extracting(Name::toString)
                .containsExactly("old.packet-journey.com.", "gone.eu-west-1.elb.amazonaws.com.");
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
    void anAliasOfAnotherTypeThanAskedIsNoData() {
        // the apex's alias is of type A: an AAAA question finds SOA and NS there, no AAAA (RFC 2308 §2.2)
        Zone zone = Zone.parse(PACKET_JOURNEY.origin(), PACKET_JOURNEY.masterFile(), PACKET_JOURNEY.aliases());
        assertThat(zone.lookup(APEX, Type.AAAA, (t, type) -> List.of())).isInstanceOf(Lookup.NoData.class);
        assertThat(zone.lookup(APEX, Type.NS)).isInstanceOfSatisfying(Lookup.Answer.class,
                a -> assertThat(a.rrset()).extracting(Record::rdataToString).containsExactly("ns-1.awsdns-01.org."));
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
        List<DnsZone> zones = scenarioWith(withRecords(PACKET_JOURNEY, """
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
        List<DnsZone> zones = scenarioWith(withRecords(PACKET_JOURNEY, records.toString()));

        Resolution eight = resolve(zones, "c1.packet-journey.com.");
        assertThat(eight.isResolved()).isTrue();
        assertThat(eight.cnameChain()).hasSize(9);
        assertThat(eight.addressStrings()).containsExactly("192.0.2.9");
        assertThat(ownKinds(eight)).containsExactly(Step.Kind.REFERRAL, Step.Kind.REFERRAL, Step.Kind.ANSWER);

        Resolution nine = resolve(zones, "c0.packet-journey.com.");
        assertThat(nine.failure()).isEqualTo(FailureCode.DNS_CNAME_LOOP);
        assertThat(nine.failureMessage()).startsWith("CNAME chain longer than 8: c0.packet-journey.com. -> ");
    }

    @Test
    void aDelegationToAnAddressWhereNoServerListensIsServfail() {
        List<DnsZone> zones = scenarioWith(withRecords(COM, """
                lame.com. IN NS ns.lame-hosting.com.
                ns.lame-hosting.com. IN A 203.0.113.53
                """));
        Resolution r = resolve(zones, "www.lame.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(kinds(r)).containsExactly(Step.Kind.REFERRAL, Step.Kind.REFERRAL, Step.Kind.NO_RESPONSE);
        Step silent = r.steps().get(2);
        assertThat(silent.response()).isNull();
        assertThat(silent.latencyMicros()).isEqualTo(RecursiveResolver.QUERY_TIMEOUT_MICROS);
        assertThat(silent.responseText()).contains("203.0.113.53").contains("timed out");
        assertThat(r.failureMessage()).contains("lame.com.").contains("www.lame.com.").contains("ns.lame-hosting.com.")
                .contains("203.0.113.53").contains("did not respond");
    }

    @Test
    void aDelegationToAServerThatDoesNotServeTheZoneIsServfail() {
        List<DnsZone> zones = scenarioWith(withRecords(COM, "lame.com. IN NS ns-1.awsdns-01.org.\n"));
        Resolution r = resolve(zones, "www.lame.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(ownKinds(r)).containsExactly(Step.Kind.REFERRAL, Step.Kind.REFERRAL, Step.Kind.NO_RESPONSE);
        Step refused = r.steps().get(r.steps().size() - 1);
        assertThat(refused.responseText()).contains("status: REFUSED");
        assertThat(refused.latencyMicros()).isEqualTo(9000);
        assertThat(r.failureMessage()).contains("ns-1.awsdns-01.org. 205.251.192.1 answered REFUSED");
    }

    @Test
    void aGluelessNameServerThatDoesNotExistIsServfailSayingWhy() {
        List<DnsZone> zones = scenarioWith(withRecords(COM, "noglue.com. IN NS ns.elsewhere.org.\n"));
        Resolution r = resolve(zones, "noglue.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(r.steps()).extracting(Step::query, Step::kind).containsExactly(
                tuple("com. IN A", Step.Kind.REFERRAL), tuple("noglue.com. IN A", Step.Kind.REFERRAL),
                tuple("org. IN A", Step.Kind.REFERRAL), tuple("elsewhere.org. IN A", Step.Kind.NXDOMAIN));
        assertThat(r.failureMessage()).contains("a.gtld-servers.net. (192.5.6.30)").contains("noglue.com.")
                .contains("without glue for ns.elsewhere.org.")
                .contains("looking up ns.elsewhere.org. failed: ns.elsewhere.org. does not exist");
    }

    @Test
    void nameServersThatNeedEachOthersAddressesAreACircularDependency() {
        // a.example's server is named under b.example and the other way round, and no one has glue
        List<DnsZone> zones = scenarioWith(withRecords(COM, """
                a-example.com. IN NS ns.b-example.org.
                """), withRecords(TestZones.ORG, """
                b-example.org. IN NS ns.a-example.com.
                """));
        Resolution r = resolve(zones, "a-example.com.");

        assertThat(r.failure()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(r.failureMessage()).contains("ns.b-example.org. is itself being looked up (a circular dependency)");
    }

    @Test
    void glueOutsideTheReferringServersBailiwickIsNotTrusted() {
        // RFC 2181 §5.4.1: a com. server handing out an address under org. is ignored, and not cached
        org.xbill.DNS.Message referral = new org.xbill.DNS.Message(1);
        referral.addRecord(CacheEntry.parse(new CacheKey(APEX, Type.NS), null,
                List.of("packet-journey.com. 172800 IN NS ns-1.awsdns-01.org.")).records().get(0), Section.AUTHORITY);
        referral.addRecord(CacheEntry.parse(new CacheKey(NS1, Type.A), null,
                List.of("ns-1.awsdns-01.org. 172800 IN A 192.0.2.66")).records().get(0), Section.ADDITIONAL);

        assertThat(Delegation.fromReferral(referral, Name.fromConstantString("com.")).hasReachableServer()).isFalse();
        assertThat(Delegation.fromReferral(referral, Name.fromConstantString("org.")).servers())
                .extracting(Delegation.Server::ip).containsExactly("192.0.2.66");
    }

    @Test
    void everyRrsetReceivedIsLearnedWithItsTtl() {
        Resolution r = resolve(TestZones.scenario(), "packet-journey.com.");
        assertThat(r.learned()).extracting(e -> e.key().toString(), CacheEntry::ttlSeconds).containsExactly(
                tuple("com. NS", 172800L), tuple("a.gtld-servers.net. A", 172800L),
                tuple("packet-journey.com. NS", 172800L),
                tuple("org. NS", 172800L), tuple("a0.org.afilias-nst.info. A", 172800L),
                tuple("awsdns-01.org. NS", 86400L), tuple("ns-1.awsdns-01.org. A", 86400L),
                tuple("ns-1.awsdns-01.org. A", 172800L),
                tuple("packet-journey.com. A", 60L));
        assertThat(r.cacheLookup().result()).isEqualTo(CacheProbe.Result.MISS);
        assertThat(r.answerEntry()).hasValueSatisfying(e -> assertThat(e.masterFile()).containsExactly(
                "packet-journey.com. 60 IN A 54.217.10.21", "packet-journey.com. 60 IN A 54.217.40.22"));
    }

    @Test
    void aWarmCacheAnswersWithoutAQueryAndTheTtlLeft() {
        WarmResolver resolver = new WarmResolver(TestZones.scenario());
        resolver.resolveAt(APEX, T0);
        Resolution r = resolver.resolveAt(APEX, T0.plusSeconds(30));

        assertThat(r.steps()).isEmpty();
        assertThat(r.isFromCache()).isTrue();
        assertThat(r.cacheLookup().result()).isEqualTo(CacheProbe.Result.HIT);
        assertThat(r.ttlSeconds()).isEqualTo(30);
        assertThat(r.cacheLookup().ttlRemainingSeconds()).isEqualTo(30);
        assertThat(r.cnameChain()).isEmpty();
        assertThat(r.addressStrings()).containsExactly("54.217.10.21", "54.217.40.22");
        assertThat(r.learned()).isEmpty();
    }

    @Test
    void onceTheAliasAnswerExpiredTheResolverAsksRoute53StraightAway() {
        WarmResolver resolver = new WarmResolver(TestZones.scenario());
        resolver.resolveAt(APEX, T0);
        Resolution r = resolver.resolveAt(APEX, T0.plusSeconds(120));

        // The apex's A (60 s) expired 60 s ago; the packet-journey.com. cut and ns-1's address are cached, so
        // neither the root, com. nor org. is asked (RFC 1034 §5.3.3 step 2).
        assertThat(r.cacheLookup().result()).isEqualTo(CacheProbe.Result.EXPIRED);
        assertThat(r.cacheLookup().ttlRemainingSeconds()).isEqualTo(-60);
        assertThat(kinds(r)).containsExactly(Step.Kind.ANSWER);
        assertThat(serverIps(r)).containsExactly("205.251.192.1");
        assertThat(r.latencyMicros()).isEqualTo(9000);
        assertThat(r.ttlSeconds()).isEqualTo(60);
        assertThat(r.learned()).extracting(e -> e.key().toString()).containsExactly("packet-journey.com. A");
    }

    @Test
    void behindTheCachedCnameTheExpiredAlbAddressIsAskedOfTheAmazonawsServersStraightAway() {
        WarmResolver resolver = new WarmResolver(TestZones.scenario());
        resolver.resolveAt(WWW, T0);
        Resolution r = resolver.resolveAt(WWW, T0.plusSeconds(120));

        // www's CNAME (300 s) is still cached, the ALB's A (60 s) is not; the amazonaws.com. cut is
        assertThat(serverIps(r)).containsOnly("205.251.242.103");
        assertThat(r.steps()).extracting(Step::query).last().isEqualTo(ALB_NAME + " IN A");
        assertThat(r.cnameChain()).extracting(Name::toString).containsExactly("www.packet-journey.com.", ALB_NAME);
        assertThat(r.answer()).extracting(Record::getTTL).containsExactly(180L, 60L, 60L);

        Resolution later = resolver.resolveAt(WWW, T0.plusSeconds(600));
        assertThat(serverIps(later)).first().isEqualTo("205.251.192.1");
        assertThat(later.steps()).first().extracting(Step::kind).isEqualTo(Step.Kind.CNAME);
    }

    @Test
    void withoutZonesThereIsNoRootToStartFrom() {
        Resolution r = resolve(List.of(), "packet-journey.com.");
        assertThat(r.failure()).isEqualTo(FailureCode.DNS_SERVFAIL);
        assertThat(r.steps()).isEmpty();
        assertThat(r.failureMessage()).contains("no server of zone . answered for packet-journey.com.");
    }
}

package com.packetjourney.dns.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.DnsZone.NameServer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 2308: the NXDOMAIN of §2.1 ("NXDOMAIN RESPONSE: TYPE 1", AN.EXAMPLE. an alias of the missing TRIPPLE.XX.,
 * from a server of both zones) cached by the resolver for the lesser of the SOA's TTL and MINIMUM (§5).
 */
class NegativeCachingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final String RESOLVER = "192.0.2.53";
    private static final Name AN_EXAMPLE = Name.fromConstantString("AN.EXAMPLE.");

    private static final List<DnsZone> ZONES = List.of(
            new DnsZone(".", List.of(new NameServer("NS.ROOT.", "192.0.2.1", 10_000)), """
                    $TTL 86400
                    .          IN SOA NS.ROOT. HOSTMASTER.ROOT. 1 1800 900 604800 86400
                    .          IN NS  NS.ROOT.
                    NS.ROOT.   IN A   192.0.2.1
                    EXAMPLE.   IN NS  NS1.XX.
                    XX.        IN NS  NS1.XX.
                    NS1.XX.    IN A   127.0.0.2
                    """),
            new DnsZone("EXAMPLE.", List.of(new NameServer("NS1.XX.", "127.0.0.2", 20_000)), """
                    $TTL 86400
                    @          IN SOA NS1.XX. HOSTMASTER.NS1.XX. 1 3600 600 604800 86400
                    @          IN NS  NS1.XX.
                    AN         IN CNAME TRIPPLE.XX.
                    """),
            // The SOA's own TTL (3600) is above its MINIMUM (300): MINIMUM bounds the negative answer.
            new DnsZone("XX.", List.of(new NameServer("NS1.XX.", "127.0.0.2", 20_000)), """
                    @          3600 IN SOA NS1.XX. HOSTMASTER.NS1.XX. 1 3600 600 604800 300
                    @          86400 IN NS  NS1.XX.
                    NS1        86400 IN A   127.0.0.2
                    """));

    private final RecursiveResolver resolver = new RecursiveResolver(TestZones.servers(ZONES));
    private final DnsCaches caches = new DnsCaches();

    private Resolution resolveAt(Instant now, String journey) {
        Resolution r = resolver.resolve(AN_EXAMPLE, new SplittableRandom(7), caches.resolver(RESOLVER, now));
        for (int i = 0; i < r.learned().size(); i++) {
            caches.store(CacheLevel.RESOLVER, RESOLVER, new CacheStamp(now, journey, i), r.learned().get(i));
        }
        return r;
    }

    @Test
    void theNegativeTtlIsTheLesserOfTheSoasTtlAndItsMinimum() {
        CacheKey key = new CacheKey(Name.fromConstantString("TRIPPLE.XX."), Type.ANY);
        SOARecord longTtl = soa("XX. 3600 IN SOA NS1.XX. HOSTMASTER.NS1.XX. 1 3600 600 604800 300");
        SOARecord shortTtl = soa("XX. 120 IN SOA NS1.XX. HOSTMASTER.NS1.XX. 1 3600 600 604800 300");
        assertThat(CacheEntry.negative(key, CacheEntry.Negative.NXDOMAIN, longTtl).ttlSeconds()).isEqualTo(300);
        assertThat(CacheEntry.negative(key, CacheEntry.Negative.NXDOMAIN, shortTtl).ttlSeconds()).isEqualTo(120);
    }

    @Test
    void theNameErrorIsCachedForTheLastNameOfTheChainAndAnsweredFromTheCache() {
        Resolution first = resolveAt(T0, "j-1");
        assertThat(first.failure()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(first.steps()).extracting(Step::kind).containsExactly(Step.Kind.REFERRAL, Step.Kind.NXDOMAIN);
        assertThat(first.cacheLookup().result()).isEqualTo(CacheProbe.Result.MISS);
        // §5: the NXDOMAIN is keyed by <TRIPPLE.XX., IN> (any type); the CNAME is cached as an ordinary RRset.
        assertThat(first.learned()).filteredOn(CacheEntry::isNegative).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(new CacheKey(Name.fromConstantString("TRIPPLE.XX."), Type.ANY));
            assertThat(e.negative()).isEqualTo(CacheEntry.Negative.NXDOMAIN);
            assertThat(e.ttlSeconds()).isEqualTo(300);
        });
        assertThat(first.learned()).extracting(CacheEntry::key)
                .contains(new CacheKey(AN_EXAMPLE, Type.CNAME), new CacheKey(Name.fromConstantString("EXAMPLE."), Type.NS));
        assertThat(first.answerEntry()).hasValueSatisfying(e -> {
            assertThat(e.negative()).isEqualTo(CacheEntry.Negative.NXDOMAIN);
            assertThat(e.ttlSeconds()).isEqualTo(300);
        });

        Resolution cached = resolveAt(T0.plusSeconds(100), "j-2");
        assertThat(cached.steps()).isEmpty();
        assertThat(cached.isFromCache()).isTrue();
        assertThat(cached.cacheLookup().result()).isEqualTo(CacheProbe.Result.NEGATIVE_HIT);
        assertThat(cached.cacheLookup().ttlRemainingSeconds()).isEqualTo(200);
        assertThat(cached.failure()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(cached.failureMessage()).startsWith("TRIPPLE.XX. does not exist (canonical name of AN.EXAMPLE.)")
                .contains("cached NXDOMAIN at the resolver, 200 s left");
        assertThat(cached.cnameChain()).extracting(Name::toString).containsExactly("AN.EXAMPLE.", "TRIPPLE.XX.");
    }

    @Test
    void anExpiredNameErrorIsAskedAgainButTheStillCachedAliasIsNot() {
        resolveAt(T0, "j-1");
        Resolution again = resolveAt(T0.plusSeconds(300), "j-2");

        assertThat(again.cacheLookup().result()).isEqualTo(CacheProbe.Result.EXPIRED);
        assertThat(again.cacheLookup().ttlRemainingSeconds()).isZero();
        // AN.EXAMPLE.'s CNAME (86400 s) comes from the cache; only TRIPPLE.XX. is asked for, from the root since
        // no cut of XX. was learned (the root only learns about XX., RFC 9156).
        assertThat(again.steps()).extracting(Step::query).containsExactly("XX. IN A", "TRIPPLE.XX. IN A");
        assertThat(again.failure()).isEqualTo(FailureCode.DNS_NXDOMAIN);
    }

    private static SOARecord soa(String line) {
        return (SOARecord) CacheEntry.parse(new CacheKey(Name.root, Type.SOA), null, List.of(line)).records().get(0);
    }
}

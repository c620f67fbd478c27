package com.packetjourney.dns.domain;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How long each cache level keeps an answer, on the simulated clock. */
class CacheLevelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final Name WWW = Name.fromConstantString("www.example.");
    private static final CacheKey KEY = new CacheKey(WWW, Type.A);
    /** An answer whose shortest TTL is 300 s: an alias and its address. */
    private static final CacheEntry ANSWER = CacheEntry.answer(WWW, CacheEntry.parse(KEY, null, List.of(
            "www.example. 3600 IN CNAME web.example.", "web.example. 300 IN A 192.0.2.80")).records(), 300);

    private static CacheProbe storeThenProbe(CacheLevel level, CacheEntry entry, long afterSeconds) {
        TtlCache cache = new TtlCache();
        level.admit(entry).ifPresent(e -> cache.store(new CacheStamp(T0, "j-1", 0), e));
        return cache.probe(List.of(KEY), T0.plusSeconds(afterSeconds), List.of());
    }

    @Test
    void theBrowserKeepsAnAnswerAtMost60SecondsWhateverItsTtl() {
        assertThat(CacheLevel.BROWSER.admit(ANSWER).orElseThrow().ttlSeconds()).isEqualTo(60);
        assertThat(storeThenProbe(CacheLevel.BROWSER, ANSWER, 59)).satisfies(p -> {
            assertThat(p.result()).isEqualTo(CacheProbe.Result.HIT);
            assertThat(p.ttlRemainingSeconds()).isEqualTo(1);
            assertThat(p.entry().masterFile()).containsExactly("www.example. 1 IN CNAME web.example.",
                    "web.example. 1 IN A 192.0.2.80");
        });
        assertThat(storeThenProbe(CacheLevel.BROWSER, ANSWER, 60).result()).isEqualTo(CacheProbe.Result.EXPIRED);
        assertThat(storeThenProbe(CacheLevel.BROWSER, ANSWER, 63).ttlRemainingSeconds()).isEqualTo(-3);
        // a shorter TTL is kept as it is
        assertThat(CacheLevel.BROWSER.admit(ANSWER.withTtl(20)).orElseThrow().ttlSeconds()).isEqualTo(20);
    }

    @Test
    void theBrowserKeepsNoNegativeAnswer() {
        SOARecord soa = (SOARecord) CacheEntry.parse(KEY, null,
                List.of("example. 3600 IN SOA ns.example. admin.example. 1 7200 900 1209600 300")).records().get(0);
        CacheEntry nxdomain = CacheEntry.negative(KEY, CacheEntry.Negative.NXDOMAIN, soa);
        assertThat(CacheLevel.BROWSER.admit(nxdomain)).isEmpty();
        assertThat(CacheLevel.OS.admit(nxdomain)).contains(nxdomain);
        assertThat(storeThenProbe(CacheLevel.OS, nxdomain, 10)).satisfies(p -> {
            assertThat(p.result()).isEqualTo(CacheProbe.Result.NEGATIVE_HIT);
            assertThat(p.ttlRemainingSeconds()).isEqualTo(290);
        });
    }

    @Test
    void theOsStubAndTheRouterHonourTheTtl() {
        for (CacheLevel level : List.of(CacheLevel.OS, CacheLevel.ROUTER, CacheLevel.RESOLVER)) {
            assertThat(level.admit(ANSWER)).contains(ANSWER);
            assertThat(storeThenProbe(level, ANSWER, 0).ttlRemainingSeconds()).isEqualTo(300);
            assertThat(storeThenProbe(level, ANSWER, 299).result()).isEqualTo(CacheProbe.Result.HIT);
            assertThat(storeThenProbe(level, ANSWER, 300).result()).isEqualTo(CacheProbe.Result.EXPIRED);
        }
    }

    @Test
    void theRemainingTtlCountsWholeSecondsAndExpiryIsExact() {
        TtlCache cache = new TtlCache();
        cache.store(new CacheStamp(T0.plusMillis(67), "j-1", 0), ANSWER);
        assertThat(cache.probe(List.of(KEY), T0.plusSeconds(10), List.of()).ttlRemainingSeconds()).isEqualTo(290);
        assertThat(cache.probe(List.of(KEY), T0.plusMillis(300_066), List.of()).ttlRemainingSeconds()).isZero();
        assertThat(cache.probe(List.of(KEY), T0.plusMillis(300_067), List.of()).result())
                .isEqualTo(CacheProbe.Result.EXPIRED);
    }

    @Test
    void aCacheIsAskedAsItStoodAtTheJourneysInstant() {
        TtlCache cache = new TtlCache();
        CacheEntry older = ANSWER.withTtl(600);
        cache.store(new CacheStamp(T0.plusSeconds(100), "j-2", 0), ANSWER);
        cache.store(new CacheStamp(T0, "j-1", 0), older);
        // before anything was stored: nothing; between the two: the older; after both: the newer one
        assertThat(cache.probe(List.of(KEY), T0.minusSeconds(1), List.of()).result()).isEqualTo(CacheProbe.Result.MISS);
        assertThat(cache.probe(List.of(KEY), T0.plusSeconds(50), List.of()).ttlRemainingSeconds()).isEqualTo(550);
        assertThat(cache.probe(List.of(KEY), T0.plusSeconds(150), List.of()).ttlRemainingSeconds()).isEqualTo(250);
        // storing the same stamp again changes nothing
        cache.store(new CacheStamp(T0.plusSeconds(100), "j-2", 0), ANSWER);
        assertThat(cache.probe(List.of(KEY), T0.plusSeconds(150), List.of()).ttlRemainingSeconds()).isEqualTo(250);
    }

    @Test
    void aFlushEmptiesWhatWasStoredUpToItForLookupsAfterIt() {
        DnsCaches caches = new DnsCaches();
        caches.store(CacheLevel.BROWSER, "laptop", new CacheStamp(T0, "j-1", 0), ANSWER);
        caches.store(CacheLevel.BROWSER, "phone", new CacheStamp(T0, "j-2", 0), ANSWER);
        caches.store(CacheLevel.OS, "laptop", new CacheStamp(T0, "j-1", 1), ANSWER);
        caches.flush("f1", new CacheFlush(CacheLevel.BROWSER, "laptop", null, null, T0.plusSeconds(10)));

        assertThat(caches.answer(CacheLevel.BROWSER, "laptop", WWW, T0.plusSeconds(5)).result())
                .isEqualTo(CacheProbe.Result.HIT);
        assertThat(caches.answer(CacheLevel.BROWSER, "laptop", WWW, T0.plusSeconds(11)).result())
                .isEqualTo(CacheProbe.Result.MISS);
        assertThat(caches.answer(CacheLevel.BROWSER, "phone", WWW, T0.plusSeconds(11)).result())
                .isEqualTo(CacheProbe.Result.HIT);
        assertThat(caches.answer(CacheLevel.OS, "laptop", WWW, T0.plusSeconds(11)).result())
                .isEqualTo(CacheProbe.Result.HIT);
        // stored after the flush: kept
        caches.store(CacheLevel.BROWSER, "laptop", new CacheStamp(T0.plusSeconds(12), "j-3", 0), ANSWER);
        assertThat(caches.answer(CacheLevel.BROWSER, "laptop", WWW, T0.plusSeconds(13)).result())
                .isEqualTo(CacheProbe.Result.HIT);
        // every level of every cache
        caches.flush("f2", new CacheFlush(null, null, null, null, T0.plusSeconds(20)));
        assertThat(caches.alive(T0.plusSeconds(21))).isEmpty();
        // a withdrawn flush no longer applies
        caches.flush("f2", null);
        assertThat(caches.alive(T0.plusSeconds(21))).extracting(DnsCaches.Held::cache)
                .containsExactly("laptop", "phone", "laptop");
    }

    @Test
    void anEntrySurvivesItsTextForm() {
        CacheEntry back = CacheEntry.parse(KEY, null, ANSWER.masterFile());
        assertThat(back).isEqualTo(ANSWER);
        assertThat(back.ttlSeconds()).isEqualTo(300);
        assertThat(back.cnameChain(WWW)).extracting(Name::toString).containsExactly("www.example.", "web.example.");
        assertThat(back.addresses(WWW)).extracting(a -> a.getAddress().getHostAddress()).containsExactly("192.0.2.80");
    }
}

package com.packetjourney.dns.domain;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every DNS cache of the world, by level and owner (client, LAN id or resolver address), and the flushes. */
public final class DnsCaches {
    private final Map<CacheLevel, Map<String, TtlCache>> caches = new EnumMap<>(CacheLevel.class);
    private final Map<String, CacheFlush> flushes = new HashMap<>();

    /** One live entry of one cache, for views. */
    public record Held(CacheLevel level, String cache, CacheEntry entry) {
    }

    public void store(CacheLevel level, String cacheId, CacheStamp stamp, CacheEntry entry) {
        caches.computeIfAbsent(level, l -> new TreeMap<>()).computeIfAbsent(cacheId, id -> new TtlCache())
                .store(stamp, entry);
    }

    /** Adds a flush under its key, or removes the one under the key when {@code flush} is null. */
    public void flush(String key, CacheFlush flush) {
        if (flush == null) {
            flushes.remove(key);
        } else {
            flushes.put(key, flush);
        }
    }

    /** A browser, OS or router cache asked for the answer to an A question. */
    public CacheProbe answer(CacheLevel level, String cacheId, Name question, Instant now) {
        return probe(level, cacheId, List.of(new CacheKey(question, Type.A)), now);
    }

    /** The resolver's cache at {@code now}. */
    public ResolverCache resolver(String address, Instant now) {
        return new ResolverCache() {
            @Override
            public CacheProbe lookup(Name name, int type) {
                return probe(CacheLevel.RESOLVER, address, List.of(new CacheKey(name, type),
                        new CacheKey(name, Type.CNAME), new CacheKey(name, Type.ANY)), now);
            }

            @Override
            public Optional<List<Record>> rrset(Name name, int type) {
                CacheProbe probe = probe(CacheLevel.RESOLVER, address, List.of(new CacheKey(name, type)), now);
                return probe.result() == CacheProbe.Result.HIT ? Optional.of(probe.entry().records())
                        : Optional.empty();
            }
        };
    }

    /** Every entry alive at {@code now}, by level, cache and key. */
    public List<Held> alive(Instant now) {
        List<Held> held = new ArrayList<>();
        caches.forEach((level, byId) -> byId.forEach((id, cache) -> cache.alive(now, flushTimes(level, id))
                .stream().sorted(Comparator.comparing((CacheEntry e) -> e.key().name())
                        .thenComparingInt(e -> e.key().type()))
                .forEach(e -> held.add(new Held(level, id, e)))));
        return held;
    }

    private CacheProbe probe(CacheLevel level, String cacheId, List<CacheKey> keys, Instant now) {
        TtlCache cache = caches.getOrDefault(level, Map.of()).get(cacheId);
        return cache == null ? CacheProbe.miss() : cache.probe(keys, now, flushTimes(level, cacheId));
    }

    private List<Instant> flushTimes(CacheLevel level, String cacheId) {
        return flushes.values().stream().filter(f -> f.appliesTo(level, cacheId)).map(CacheFlush::at).toList();
    }
}

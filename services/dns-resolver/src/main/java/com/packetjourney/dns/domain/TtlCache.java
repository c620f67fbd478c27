package com.packetjourney.dns.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cache whose entries expire on the simulated clock. Every entry stored is kept with its stamp, so the cache
 * can be asked as it stood at any simulated instant: what counts is the newest entry stored by then, unless a
 * flush came between. That makes the cache independent of the order journeys happen to be processed in.
 */
public final class TtlCache {
    private final Map<CacheKey, TreeMap<CacheStamp, CacheEntry>> versions = new HashMap<>();

    /** Stores an entry; storing the same stamp again replaces it, so re-reading a journey changes nothing. */
    public void store(CacheStamp stamp, CacheEntry entry) {
        versions.computeIfAbsent(entry.key(), k -> new TreeMap<>()).put(stamp, entry);
    }

    /**
     * The cache at {@code now} for the first of the keys that has an entry, newest first: {@code flushes} are the
     * instants this cache was emptied at; one empties what was stored up to it, for lookups after it.
     */
    public CacheProbe probe(List<CacheKey> keys, Instant now, List<Instant> flushes) {
        Map.Entry<CacheStamp, CacheEntry> newest = null;
        for (CacheKey key : keys) {
            Map.Entry<CacheStamp, CacheEntry> candidate = newestBy(key, now);
            if (candidate != null && (newest == null || candidate.getKey().compareTo(newest.getKey()) > 0)) {
                newest = candidate;
            }
        }
        if (newest == null) {
            return CacheProbe.miss();
        }
        Instant storedAt = newest.getKey().storedAt();
        if (flushes.stream().anyMatch(f -> !f.isBefore(storedAt) && f.isBefore(now))) {
            return CacheProbe.miss();
        }
        CacheEntry entry = newest.getValue();
        Instant expiry = storedAt.plusSeconds(entry.ttlSeconds());
        if (!now.isBefore(expiry)) {
            return new CacheProbe(CacheProbe.Result.EXPIRED, entry, -Duration.between(expiry, now).getSeconds());
        }
        long left = Duration.between(now, expiry).getSeconds();
        return new CacheProbe(entry.isNegative() ? CacheProbe.Result.NEGATIVE_HIT : CacheProbe.Result.HIT,
                entry.withTtl(left), left);
    }

    /** Every entry alive at {@code now}, with the TTL it has left. */
    public List<CacheEntry> alive(Instant now, List<Instant> flushes) {
        List<CacheEntry> alive = new ArrayList<>();
        for (CacheKey key : versions.keySet()) {
            CacheProbe probe = probe(List.of(key), now, flushes);
            if (probe.answers()) {
                alive.add(probe.entry());
            }
        }
        return alive;
    }

    private Map.Entry<CacheStamp, CacheEntry> newestBy(CacheKey key, Instant now) {
        TreeMap<CacheStamp, CacheEntry> stored = versions.get(key);
        if (stored == null) {
            return null;
        }
        for (Map.Entry<CacheStamp, CacheEntry> e : stored.descendingMap().entrySet()) {
            if (!e.getKey().storedAt().isAfter(now)) {
                return e;
            }
        }
        return null;
    }
}

package com.packetjourney.dns.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * When and by which journey an entry was stored: the simulated instant the answer came back, then the journey
 * id and the entry's place in that journey's fills. The order of stamps decides which of two entries for one key
 * is the newer, so the same entries give the same cache whatever order they are re-read in.
 */
public record CacheStamp(Instant storedAt, String journeyId, int index) implements Comparable<CacheStamp> {
    private static final Comparator<CacheStamp> ORDER = Comparator.comparing(CacheStamp::storedAt)
            .thenComparing(CacheStamp::journeyId).thenComparingInt(CacheStamp::index);

    @Override
    public int compareTo(CacheStamp other) {
        return ORDER.compare(this, other);
    }
}

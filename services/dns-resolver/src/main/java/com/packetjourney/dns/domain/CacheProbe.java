package com.packetjourney.dns.domain;

/**
 * What one cache said when asked at a simulated instant. On a hit, {@code entry} is as the cache hands it on, with
 * the TTL it has left; {@code ttlRemainingSeconds} is that TTL, minus the seconds since expiry when EXPIRED, and
 * null on a MISS (nothing stored, or flushed since).
 */
public record CacheProbe(Result result, CacheEntry entry, Long ttlRemainingSeconds) {

    public enum Result { HIT, MISS, EXPIRED, NEGATIVE_HIT }

    public static CacheProbe miss() {
        return new CacheProbe(Result.MISS, null, null);
    }

    /** A hit of either kind ends the lookup at this cache. */
    public boolean answers() {
        return result == Result.HIT || result == Result.NEGATIVE_HIT;
    }
}

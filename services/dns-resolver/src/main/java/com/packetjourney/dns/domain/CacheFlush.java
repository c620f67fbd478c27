package com.packetjourney.dns.domain;

import java.time.Instant;

/**
 * An order to empty caches at a simulated instant: one level or all ({@code level} null), each narrowed by its
 * own parameter when given (the client for browser and OS caches, the LAN for router caches, the address for
 * resolver caches).
 */
public record CacheFlush(CacheLevel level, String client, String lan, String resolver, Instant at) {

    public boolean appliesTo(CacheLevel cacheLevel, String cacheId) {
        if (level != null && level != cacheLevel) {
            return false;
        }
        String only = switch (cacheLevel) {
            case BROWSER, OS -> client;
            case ROUTER -> lan;
            case RESOLVER -> resolver;
        };
        return only == null || only.equals(cacheId);
    }
}

package com.packetjourney.contracts.world;

import java.time.Instant;

/**
 * An order to empty DNS caches, logged by dns-resolver on pj.world.dns-cache-flushes: {@code level} is browser, os,
 * router, resolver or all; {@code client} narrows the browser and os levels to one device, {@code lan} the router
 * level to one LAN and {@code resolver} the resolver level to one address (null: every cache of the level). It
 * empties what was stored up to the simulated instant {@code at}, for journeys after it.
 */
public record DnsCacheFlush(String level, String client, String lan, String resolver, Instant at) {
    public static final String LEVEL_BROWSER = "browser";
    public static final String LEVEL_OS = "os";
    public static final String LEVEL_ROUTER = "router";
    public static final String LEVEL_RESOLVER = "resolver";
    public static final String LEVEL_ALL = "all";

    /** One key per distinct flush, so compaction keeps every flush ("*" where a cache is not narrowed). */
    public String key() {
        return level + "|" + orAll(client) + "|" + orAll(lan) + "|" + orAll(resolver) + "|" + at;
    }

    private static String orAll(String value) {
        return value == null ? "*" : value;
    }
}

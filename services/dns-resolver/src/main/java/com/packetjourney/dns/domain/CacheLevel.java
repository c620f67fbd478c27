package com.packetjourney.dns.domain;

import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.world.DnsCacheFlush;

import java.util.Arrays;
import java.util.Optional;

/**
 * The caches a lookup passes, nearest first: the browser's host cache and the OS stub resolver's cache (per client
 * device), the home router's forwarder cache (per LAN, like dnsmasq) and the ISP resolver's cache (per address).
 */
public enum CacheLevel {
    BROWSER(DnsCacheFlush.LEVEL_BROWSER, DnsResolved.BY_BROWSER_CACHE),
    OS(DnsCacheFlush.LEVEL_OS, DnsResolved.BY_OS_CACHE),
    ROUTER(DnsCacheFlush.LEVEL_ROUTER, DnsResolved.BY_ROUTER_CACHE),
    RESOLVER(DnsCacheFlush.LEVEL_RESOLVER, DnsResolved.BY_RESOLVER_CACHE);

    /**
     * Model assumption: Chrome keeps a host-cache entry at most 60 s whatever its TTL (the fixed TTL it gives
     * answers of the system resolver, which carry none), and does not keep negative answers.
     */
    public static final long BROWSER_MAX_TTL_SECONDS = 60;

    private final String wireName;
    private final String answeredBy;

    CacheLevel(String wireName, String answeredBy) {
        this.wireName = wireName;
        this.answeredBy = answeredBy;
    }

    /** Its name in events and REST parameters: browser, os, router or resolver. */
    public String wireName() {
        return wireName;
    }

    /** How an answer from this level is named in the DNS hop. */
    public String answeredBy() {
        return answeredBy;
    }

    public static Optional<CacheLevel> ofWireName(String name) {
        return Arrays.stream(values()).filter(l -> l.wireName.equals(name)).findFirst();
    }

    /** The entry as this level keeps it, or empty when the level does not keep it at all. */
    public Optional<CacheEntry> admit(CacheEntry entry) {
        if (this != BROWSER) {
            return Optional.of(entry);
        }
        if (entry.isNegative()) {
            return Optional.empty();
        }
        return Optional.of(entry.withTtl(Math.min(entry.ttlSeconds(), BROWSER_MAX_TTL_SECONDS)));
    }
}

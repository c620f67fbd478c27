package com.packetjourney.dns.rest;

import java.util.List;

/** One entry alive in one cache: whose cache, its key, and its records with the TTL they have left. */
public record CachedEntry(String level, String cache, String name, String type, String negative,
                          long ttlRemainingSeconds, List<String> records) {
}

package com.packetjourney.laptop.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated "now" of each client device: the latest instant a journey of it started at, or the simulation's
 * epoch before its first. Latest means greatest, so rebuilding the clocks from the journey-requested log gives the
 * same result whatever order its partitions are read in. Not thread-safe: its owner synchronises.
 */
public final class ClientClocks {
    private final Map<String, Instant> latestStart = new HashMap<>();

    /** A journey of {@code client} started at {@code at}. */
    public void started(String client, Instant at) {
        latestStart.merge(client, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean hasStarted(String client) {
        return latestStart.containsKey(client);
    }

    /** The client's clock; {@code epoch} (null when no simulation is loaded) before its first journey. */
    public Instant now(String client, Instant epoch) {
        return latestStart.getOrDefault(client, epoch);
    }
}

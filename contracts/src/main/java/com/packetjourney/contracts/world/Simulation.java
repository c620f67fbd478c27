package com.packetjourney.contracts.world;

import java.time.Instant;

/** The simulation's fixed settings: the seed of every random choice, and the simulated instant journeys start at. */
public record Simulation(String scenario, long seed, Instant epoch) {
    public static final String KEY = "simulation";

    /** The seed of {@code simulation}, 0 before any has been read. */
    public static long seedOf(Simulation simulation) {
        return simulation == null ? 0 : simulation.seed();
    }

    /** The epoch of {@code simulation}, null before any has been read. */
    public static Instant epochOf(Simulation simulation) {
        return simulation == null ? null : simulation.epoch();
    }
}

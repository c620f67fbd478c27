package com.packetjourney.contracts.world;

import java.time.Instant;

/** The simulation's fixed settings: the seed of every random choice, and the simulated instant journeys start at. */
public record Simulation(String scenario, long seed, Instant epoch) {
    public static final String KEY = "simulation";
}

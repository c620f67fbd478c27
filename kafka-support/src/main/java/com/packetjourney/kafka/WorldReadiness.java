package com.packetjourney.kafka;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Whether this process has read the topics it rebuilds its state from (its world, its own hops) up to where they
 * ended when it started: every {@link TopicTail} registers itself, and so can any other reader of that kind. A
 * service is ready, and says so at /q/health/ready, only once all of them have.
 */
public final class WorldReadiness {
    private static final Map<String, BooleanSupplier> READERS = new ConcurrentHashMap<>();

    private WorldReadiness() {
    }

    /** A reader whose state is rebuilt from topics: {@code caughtUp} tells whether it has read them to the end. */
    public static void register(String name, BooleanSupplier caughtUp) {
        READERS.put(name, caughtUp);
    }

    /** The reader is closed: it no longer counts (only if {@code caughtUp} is still the one registered). */
    public static void unregister(String name, BooleanSupplier caughtUp) {
        READERS.remove(name, caughtUp);
    }

    /** Each registered reader by name and whether it has caught up, in name order. */
    public static Map<String, Boolean> readers() {
        Map<String, Boolean> state = new TreeMap<>();
        READERS.forEach((name, caughtUp) -> state.put(name, caughtUp.getAsBoolean()));
        return state;
    }

    /** Ready: some reader is registered (before that, nothing has been read) and every one has caught up. */
    public static boolean ready() {
        Map<String, Boolean> state = readers();
        return !state.isEmpty() && !state.containsValue(false);
    }
}

package com.packetjourney.kafka;

import java.time.Duration;

/**
 * The one write path of a world change made through a service's API: the service has validated the change and
 * built the record; it is written to its world topic and the service waits until it has read its own record back,
 * so that the state it answers from (and the next request's) includes the change. Nothing changes before the
 * read-back: a world change is a fact once it is in the log, like any other world record.
 */
@FunctionalInterface
public interface WorldChanges {
    /** How long an answer waits for the read-back before saying the change is accepted but not applied yet. */
    Duration APPLY_TIMEOUT = Duration.ofSeconds(10);

    /** What became of a change: {@code value} written to {@code topic}, and read back within the timeout or not. */
    record Applied<T>(T value, String topic, boolean applied) {
        /** 200 when applied, 202 when accepted and still on its way. */
        public int httpStatus() {
            return applied ? 200 : 202;
        }

        /** The same outcome, describing {@code other} (say, the lease a tombstone released). */
        public <U> Applied<U> about(U other) {
            return new Applied<>(other, topic, applied);
        }
    }

    /** Writes {@code value} (null: a tombstone) under {@code key} and waits until it has been read back. */
    <T> Applied<T> publish(String topic, String key, T value);

    /** Blocks until the world as it stood at start has been read, so an answer never comes from half of it. */
    default void awaitRead() {
    }
}

package com.packetjourney.kafka;

import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;

/**
 * The one write path of a world change made through a service's API: the service has validated it and built the
 * record; here it is written to its world topic and the service waits until its own tail has read it back, so the
 * state it answers from (and the next request's) includes the change. Nothing changes before the read-back: a
 * world change is a fact once it is in the log, like any other world record.
 */
public final class WorldChanges {
    /** How long an answer waits for the read-back before saying the change is accepted but not applied yet. */
    public static final Duration APPLY_TIMEOUT = Duration.ofSeconds(10);

    private final KeyedWriter writer;
    private final TopicTail readBack;
    private final Duration timeout;

    public WorldChanges(KeyedWriter writer, TopicTail readBack) {
        this(writer, readBack, APPLY_TIMEOUT);
    }

    public WorldChanges(KeyedWriter writer, TopicTail readBack, Duration timeout) {
        this.writer = writer;
        this.readBack = readBack;
        this.timeout = timeout;
    }

    /** What became of a change: written to {@code topic}, and read back ({@code applied}) within the timeout or not. */
    public record Applied(String topic, boolean applied) {
        /** 200 when applied, 202 when accepted and still on its way. */
        public int httpStatus() {
            return applied ? 200 : 202;
        }
    }

    /** Writes {@code value} (null: a tombstone) under {@code key} and waits for the tail to apply it. */
    public Applied publish(String topic, String key, Object value) {
        readBack.awaitCaughtUpOrFail();
        RecordMetadata written = writer.publish(topic, key, value);
        return new Applied(topic, readBack.awaitApplied(written.topic(), written.partition(), written.offset(),
                timeout));
    }
}

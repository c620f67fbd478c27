package com.packetjourney.kafka;

import com.packetjourney.contracts.Refused;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;

/**
 * {@link WorldChanges} on a real broker: writes with the service's writer and waits until the service's world tail
 * has handled the record. The tail is bound once the service starts reading its world; until then a change is
 * refused as unavailable (retry).
 */
public final class ReadBackWrites implements WorldChanges {
    private final KeyedWriter writer;
    private final Duration timeout;
    private volatile TopicTail readBack;

    public ReadBackWrites(KeyedWriter writer, Duration timeout) {
        this.writer = writer;
        this.timeout = timeout;
    }

    /** The tail that reads the world topics this service writes to. */
    public void readBackFrom(TopicTail tail) {
        this.readBack = tail;
    }

    @Override
    public <T> Applied<T> publish(String topic, String key, T value) {
        TopicTail tail = tail();
        tail.awaitCaughtUpOrFail();
        RecordMetadata written = writer.publish(topic, key, value);
        return new Applied<>(value, topic,
                tail.awaitApplied(written.topic(), written.partition(), written.offset(), timeout));
    }

    @Override
    public void awaitRead() {
        tail().awaitCaughtUpOrFail();
    }

    private TopicTail tail() {
        TopicTail tail = readBack;
        if (tail == null) {
            throw Refused.unavailable("the service is starting and has not begun reading its world");
        }
        return tail;
    }
}

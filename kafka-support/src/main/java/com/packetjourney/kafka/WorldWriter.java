package com.packetjourney.kafka;

/** Writes a keyed record to a world topic; a null value is a tombstone. */
@FunctionalInterface
public interface WorldWriter {
    void write(String topic, String key, Object value);
}

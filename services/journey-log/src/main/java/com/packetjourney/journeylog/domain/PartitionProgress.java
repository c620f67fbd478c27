package com.packetjourney.journeylog.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far the fold has read, per hop partition number: the next offset in each hop topic, the records read, and the
 * journeys read from it. A snapshot of a partition is its journeys with exactly these offsets. Not thread-safe: its
 * owner synchronises.
 */
public final class PartitionProgress {
    /** Partition number to hop topic to the next offset to read there. */
    private final Map<Integer, Map<String, Long>> offsets = new TreeMap<>();
    private final Map<Integer, Set<String>> journeys = new TreeMap<>();
    /** Records read per partition: a snapshot is only worth writing when this moved. */
    private final Map<Integer, Long> records = new HashMap<>();

    /** A record at {@code offset} of the topic's partition has been read. */
    public void read(String topic, int partition, long offset) {
        offsets.computeIfAbsent(partition, p -> new TreeMap<>()).merge(topic, offset + 1, Math::max);
        records.merge(partition, 1L, Long::sum);
    }

    /** The journey has an event in this partition. */
    public void holds(int partition, String journeyId) {
        journeys.computeIfAbsent(partition, p -> new TreeSet<>()).add(journeyId);
    }

    /** A snapshot's offsets: reading goes on from there (or from further, if already read further). */
    public void restore(int partition, Map<String, Long> restored) {
        Map<String, Long> known = offsets.computeIfAbsent(partition, p -> new TreeMap<>());
        restored.forEach((topic, next) -> known.merge(topic, next, Math::max));
    }

    public Optional<Long> nextOffset(String topic, int partition) {
        return Optional.ofNullable(offsets.getOrDefault(partition, Map.of()).get(topic));
    }

    public Map<String, Long> offsets(int partition) {
        return Map.copyOf(offsets.getOrDefault(partition, Map.of()));
    }

    /** Per partition number, the next offset to read in each hop topic. */
    public Map<Integer, Map<String, Long>> offsets() {
        Map<Integer, Map<String, Long>> copy = new TreeMap<>();
        offsets.forEach((p, o) -> copy.put(p, Map.copyOf(o)));
        return copy;
    }

    public Set<String> journeys(int partition) {
        return journeys.getOrDefault(partition, Set.of());
    }

    public long recordsRead(int partition) {
        return records.getOrDefault(partition, 0L);
    }
}

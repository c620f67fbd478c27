package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fold's state for one hop partition number together with the offsets it covers: {@code offsets} maps each hop
 * topic to the next offset to read in that partition, {@code journeys} is the index entry of every journey read
 * from it, and {@code events} are the events of the open ones (finished journeys' events are read back from the log
 * when asked for). Loading it and reading on from those offsets gives the same journeys as reading the log from the
 * start. A snapshot written before the index existed has no {@code journeys} and every journey's events.
 *
 * <p>{@code formatVersion} says how hops are identified inside the index entries ({@link LogPosition} and the
 * latency array): format 2 by their fixed hop numbers. Format 1 (no version field) indexed them by the position of
 * the hop in the six-hop chain of its day, which is the same as their numbers, since numbers were fixed to those
 * positions. A snapshot of a format this version does not know is refused: its partition is read from the log.
 */
public record PartitionSnapshot(int formatVersion, int partition, Map<String, Long> offsets,
                                List<IndexedJourney> journeys, List<HopEvent> events) {
    public static final int FORMAT_VERSION = 2;
    /** Format 1's hop index: position in the chain of the day to fixed hop number. */
    private static final int[] FORMAT_1_HOP_NUMBERS = {0, 1, 2, 3, 4, 5};

    public PartitionSnapshot {
        journeys = journeys == null ? List.of() : journeys;
        events = events == null ? List.of() : events;
    }

    public PartitionSnapshot(int partition, Map<String, Long> offsets, List<IndexedJourney> journeys,
                             List<HopEvent> events) {
        this(FORMAT_VERSION, partition, offsets, journeys, events);
    }

    /** This snapshot in the current format, or empty for a format this version does not understand. */
    public Optional<PartitionSnapshot> inCurrentFormat() {
        if (formatVersion == FORMAT_VERSION) {
            return Optional.of(this);
        }
        if (formatVersion > FORMAT_VERSION || formatVersion < 0) {
            return Optional.empty();
        }
        // format 1 (written without a version): re-index its hops by number
        List<IndexedJourney> migrated = journeys.stream()
                .map(j -> j.withHopsRenumbered(FORMAT_1_HOP_NUMBERS)).toList();
        return Optional.of(new PartitionSnapshot(FORMAT_VERSION, partition, offsets, migrated, events));
    }
}

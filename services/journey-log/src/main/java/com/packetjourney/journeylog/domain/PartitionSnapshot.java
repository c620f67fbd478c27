package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;

import java.util.List;
import java.util.Map;

/**
 * The fold's state for one hop partition number together with the offsets it covers: {@code offsets} maps each hop
 * topic to the next offset to read in that partition, {@code journeys} is the index entry of every journey read
 * from it, and {@code events} are the events of the open ones (finished journeys' events are read back from the log
 * when asked for). Loading it and reading on from those offsets gives the same journeys as reading the log from the
 * start. A snapshot written before the index existed has no {@code journeys} and every journey's events.
 */
public record PartitionSnapshot(int partition, Map<String, Long> offsets, List<IndexedJourney> journeys,
                                List<HopEvent> events) {
    public PartitionSnapshot {
        journeys = journeys == null ? List.of() : journeys;
        events = events == null ? List.of() : events;
    }
}

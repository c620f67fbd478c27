package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;

import java.util.List;
import java.util.Map;

/**
 * The fold's state for one hop partition number together with the offsets it covers: {@code offsets} maps each hop
 * topic to the next offset to read in that partition, and {@code events} are every event kept for the journeys read
 * from it. Loading it and reading on from those offsets gives the same journeys as reading the log from the start;
 * events of the same journey held by two snapshots fold idempotently.
 */
public record PartitionSnapshot(int partition, Map<String, Long> offsets, List<HopEvent> events) {
}

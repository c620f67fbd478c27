package com.packetjourney.journeylog.messaging;

import com.packetjourney.journeylog.domain.PartitionSnapshot;
import com.packetjourney.journeylog.service.JourneyLogService;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes the snapshot of each partition number this instance owns, when something was read there since the last
 * one. Called periodically and once more on shutdown.
 */
public final class Snapshotter {
    private final JourneyLogService service;
    private final Supplier<Set<Integer>> owned;
    private final Consumer<PartitionSnapshot> sink;
    /** Records read per partition at its last snapshot. */
    private final Map<Integer, Long> written = new HashMap<>();
    private final Map<Integer, Map<String, Long>> lastOffsets = new HashMap<>();

    public Snapshotter(JourneyLogService service, Supplier<Set<Integer>> owned, Consumer<PartitionSnapshot> sink) {
        this.service = service;
        this.owned = owned;
        this.sink = sink;
    }

    /** Returns how many snapshots were written. */
    public synchronized int snapshotOwned() {
        int count = 0;
        for (int partition : owned.get()) {
            long read = service.recordsRead(partition);
            if (written.containsKey(partition) && written.get(partition) == read) {
                continue;
            }
            PartitionSnapshot snapshot = service.snapshot(partition);
            sink.accept(snapshot);
            written.put(partition, read);
            lastOffsets.put(partition, snapshot.offsets());
            count++;
        }
        return count;
    }

    /** The offsets covered by the last snapshot this instance wrote, per partition number. */
    public synchronized Map<Integer, Map<String, Long>> lastWritten() {
        return Map.copyOf(lastOffsets);
    }
}

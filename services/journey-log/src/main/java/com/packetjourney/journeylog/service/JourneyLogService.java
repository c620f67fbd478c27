package com.packetjourney.journeylog.service;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.journeylog.domain.HopEventLog;
import com.packetjourney.journeylog.domain.IndexedJourney;
import com.packetjourney.journeylog.domain.JourneyFilter;
import com.packetjourney.journeylog.domain.JourneyStats;
import com.packetjourney.journeylog.domain.JourneyStore;
import com.packetjourney.journeylog.domain.LogPosition;
import com.packetjourney.journeylog.domain.Page;
import com.packetjourney.journeylog.domain.PartitionProgress;
import com.packetjourney.journeylog.domain.PartitionSnapshot;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Rebuilds journeys from the hop topics alone and keeps, per hop partition number, the offsets read so far and the
 * journeys read from it, so that a consistent snapshot of the fold can be taken at any time and resumed from. A
 * record that cannot be read is logged and counted, never fatal: the log must go on showing every other journey.
 * Thread-safe: records arrive on the reader's thread, reads on HTTP threads; listeners are told of every journey
 * that changed (or newly stalled) outside the lock.
 */
public class JourneyLogService {
    private static final Logger LOG = Logger.getLogger(JourneyLogService.class);

    private final JourneyStore store;
    private final Clock wallClock;
    private final PartitionProgress progress = new PartitionProgress();
    /** Journeys not completed or failed: the only ones that can stall. */
    private final Set<String> unfinished = new HashSet<>();
    private final Set<String> reportedStalled = new HashSet<>();
    private final List<Consumer<JourneySummary>> listeners = new CopyOnWriteArrayList<>();
    private long unreadable;

    /** A journey log that keeps every journey's events in memory (no log to read them back from). */
    public JourneyLogService(Clock wallClock, Duration stallTimeout) {
        this.wallClock = wallClock;
        this.store = new JourneyStore(stallTimeout);
    }

    /**
     * A journey log that keeps the events of open journeys and of the {@code cachedFinished} most recently used
     * finished ones, and reads the others' back from {@code log} when they are asked for.
     */
    public JourneyLogService(Clock wallClock, Duration stallTimeout, int cachedFinished, HopEventLog log) {
        this.wallClock = wallClock;
        this.store = new JourneyStore(stallTimeout, cachedFinished, log);
    }

    /** Called with the new summary of every journey that changed. */
    public void addListener(Consumer<JourneySummary> listener) {
        listeners.add(listener);
    }

    /**
     * One record of a hop topic at {@code partition} and {@code offset}; returns whether it added something new to
     * a journey.
     */
    public boolean onHopRecord(String topic, int partition, long offset, String key, byte[] value) {
        JourneySummary changed;
        synchronized (this) {
            progress.read(topic, partition, offset);
            HopEvent event = read(topic, key, value);
            if (event == null || !store.apply(event, position(event, topic, partition, offset))) {
                return false;
            }
            progress.holds(partition, event.journeyId());
            changed = track(event.journeyId());
        }
        listeners.forEach(l -> l.accept(changed));
        return true;
    }

    /**
     * Where the event can be read back: on the topic of its hop type. An event found on another topic gets none, and
     * its journey then stays in memory.
     */
    private static LogPosition position(HopEvent event, String topic, int partition, long offset) {
        return event.hopType() != null && topic.endsWith(event.hopType().topic())
                ? new LogPosition(event.hopType(), partition, offset) : null;
    }

    private HopEvent read(String topic, String key, byte[] value) {
        HopEvent event;
        try {
            event = Json.read(value, HopEvent.class);
        } catch (UnreadableEventException e) {
            return skip(topic, key, e.getMessage());
        }
        if (event.eventId() == null) {
            return skip(topic, key, "no eventId, so duplicates could not be told apart");
        }
        return event;
    }

    private HopEvent skip(String topic, String key, String reason) {
        unreadable++;
        LOG.warnf("skipped unreadable record %s on %s: %s", key, topic, reason);
        return null;
    }

    /** Notes whether the journey is still open; returns its new summary. */
    private JourneySummary track(String journeyId) {
        IndexedJourney entry = store.entry(journeyId, wallClock.instant()).orElseThrow();
        reportedStalled.remove(journeyId);
        if (entry.isFinished()) {
            unfinished.remove(journeyId);
        } else {
            unfinished.add(journeyId);
        }
        if (entry.status() == JourneyStatus.STALLED) {
            reportedStalled.add(journeyId);
        }
        return JourneySummary.of(entry);
    }

    /** Tells listeners about journeys that have stalled since the last call: stalling is news without an event. */
    public void checkStalls() {
        List<JourneySummary> stalled = new ArrayList<>();
        synchronized (this) {
            for (String id : unfinished) {
                if (!reportedStalled.contains(id)
                        && store.status(id, wallClock.instant()) == JourneyStatus.STALLED) {
                    reportedStalled.add(id);
                    stalled.add(JourneySummary.of(store.entry(id, wallClock.instant()).orElseThrow()));
                }
            }
        }
        stalled.forEach(s -> listeners.forEach(l -> l.accept(s)));
    }

    /** Loads a snapshot taken earlier (by this instance or another): its journeys and the offsets to go on from. */
    public synchronized void restore(PartitionSnapshot snapshot) {
        Set<String> ids = new TreeSet<>();
        Map<String, List<HopEvent>> eventsByJourney = new HashMap<>();
        snapshot.events().forEach(e -> eventsByJourney.computeIfAbsent(e.journeyId(), id -> new ArrayList<>()).add(e));
        for (IndexedJourney entry : snapshot.journeys()) {
            store.restore(entry, eventsByJourney.getOrDefault(entry.journeyId(), List.of()));
            eventsByJourney.remove(entry.journeyId());
            ids.add(entry.journeyId());
        }
        // a snapshot from before the index: events only, their positions unknown
        eventsByJourney.values().forEach(events -> events.forEach(store::apply));
        ids.addAll(eventsByJourney.keySet());
        ids.forEach(id -> progress.holds(snapshot.partition(), id));
        ids.forEach(this::track);
        progress.restore(snapshot.partition(), snapshot.offsets());
    }

    /** The fold's state for one partition number and the offsets it covers, consistent with each other. */
    public synchronized PartitionSnapshot snapshot(int partition) {
        List<IndexedJourney> journeys = new ArrayList<>();
        List<HopEvent> events = new ArrayList<>();
        for (String id : progress.journeys(partition)) {
            journeys.add(store.entry(id, Instant.MIN).orElseThrow());
            events.addAll(store.eventsToSnapshot(id));
        }
        return new PartitionSnapshot(partition, progress.offsets(partition), journeys, events);
    }

    /** The next offset to read in a hop topic's partition, if anything of it has been read or restored. */
    public synchronized Optional<Long> nextOffset(String topic, int partition) {
        return progress.nextOffset(topic, partition);
    }

    /** Per partition number, the next offset to read in each hop topic. */
    public synchronized Map<Integer, Map<String, Long>> offsets() {
        return progress.offsets();
    }

    public synchronized long recordsRead(int partition) {
        return progress.recordsRead(partition);
    }

    /** One journey with its hops: read back from the log if its events are no longer held. */
    public synchronized Optional<JourneyView> journey(String journeyId) {
        return store.view(journeyId, wallClock.instant());
    }

    /** Where each event of a journey is in the log (hop topic, partition, offset), in the order they were first read. */
    public synchronized List<LogPosition> positions(String journeyId) {
        return store.entry(journeyId, wallClock.instant()).map(IndexedJourney::logPositions).orElse(List.of());
    }

    /** Wall time from a journey's first event to its last, as the log recorded them. */
    public synchronized Optional<Duration> wallSpan(String journeyId) {
        return store.entry(journeyId, wallClock.instant())
                .filter(e -> e.firstWallTime() != null && e.lastWallTime() != null)
                .map(e -> Duration.between(e.firstWallTime(), e.lastWallTime()));
    }

    /**
     * How many journeys neither completed nor failed are {@code status} (IN_PROGRESS or STALLED) now: read from the
     * open journeys alone, without building views, so that a gauge refresh costs little however long the log is.
     */
    public synchronized int countUnfinished(JourneyStatus status) {
        Instant now = wallClock.instant();
        int count = 0;
        for (String id : unfinished) {
            if (store.status(id, now) == status) {
                count++;
            }
        }
        return count;
    }

    /** Up to {@code limit} journeys, most recently begun first; a null status means any. */
    public synchronized List<JourneySummary> journeys(JourneyStatus status, int limit) {
        return journeys(JourneyFilter.status(status), 0, limit).items();
    }

    /** One page of the journeys matching the filter, most recently begun first. */
    public synchronized Page<JourneySummary> journeys(JourneyFilter filter, int offset, int limit) {
        Page<IndexedJourney> page = store.query(filter, offset, limit, wallClock.instant());
        return new Page<>(page.items().stream().map(JourneySummary::of).toList(), page.total(), page.offset(),
                page.limit());
    }

    public synchronized JourneyStats stats(JourneyFilter filter) {
        return store.stats(filter, wallClock.instant());
    }

    public synchronized long unreadableRecords() {
        return unreadable;
    }

    public synchronized int journeyCount() {
        return store.size();
    }

    /** Journeys whose events are held in memory now (open ones and the finished ones cached). */
    public synchronized int loadedJourneyCount() {
        return store.loadedCount();
    }
}

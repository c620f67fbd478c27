package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.journey.Journey;
import com.packetjourney.contracts.journey.JourneyFold;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every journey seen on the hop topics, folded with the shared {@link JourneyFold}: duplicates and out-of-order
 * delivery across topics give the same result. Lists show the most recently begun first, "begun" being the wall
 * time the log recorded for a journey's earliest event, so every instance and every restart agrees on the order.
 * <p>
 * Memory is bounded by what is open, not by the log: every journey has a small {@link IndexedJourney} entry (what
 * lists, filters and statistics read), but only the open journeys and the {@code cachedFinished} most recently read
 * finished ones keep their events. A finished journey's events are read back from the log by position when it is
 * asked for, or when an event of it arrives again; the log, not this store, is the record of the journey.
 */
public final class JourneyStore {
    /** Most recently begun first; journeys begun at the same instant by id, descending, so the order is total. */
    private static final Comparator<IndexedJourney> MOST_RECENT_FIRST = Comparator
            .comparing(IndexedJourney::firstWallTime, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(IndexedJourney::journeyId)
            .reversed();
    private static final long[] NO_POSITIONS = new long[0];

    private final JourneyFold loaded = new JourneyFold();
    private final Map<String, IndexedJourney> index = new HashMap<>();
    /** Finished journeys whose events are loaded, least recently used first. */
    private final LinkedHashMap<String, Boolean> finishedLoaded = new LinkedHashMap<>(16, 0.75f, true);
    private final Duration stallTimeout;
    private final int cachedFinished;
    private final HopEventLog log;

    /** A store that keeps every journey's events (no log to read them back from). */
    public JourneyStore(Duration stallTimeout) {
        this(stallTimeout, Integer.MAX_VALUE, null);
    }

    public JourneyStore(Duration stallTimeout, int cachedFinished, HopEventLog log) {
        this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
        if (cachedFinished < 0) {
            throw new IllegalArgumentException("cachedFinished must not be negative, got " + cachedFinished);
        }
        this.cachedFinished = log == null ? Integer.MAX_VALUE : cachedFinished;
        this.log = log;
    }

    /** Applies one event whose place in the log is unknown (it cannot be read back: its journey stays loaded). */
    public boolean apply(HopEvent event) {
        return apply(event, null);
    }

    /** Applies one event read at {@code position}; returns false if it was already known (a duplicate delivery). */
    public boolean apply(HopEvent event, LogPosition position) {
        String id = event.journeyId();
        load(id); // a journey let go folds on from its events, read back
        IndexedJourney known = index.get(id);
        if (!loaded.apply(event)) {
            letGoIfFinished(id);
            return false;
        }
        Journey journey = loaded.journey(id).orElseThrow();
        long[] positions = known == null ? NO_POSITIONS : known.positions();
        index.put(id, IndexedJourney.of(journey, position == null || positions == null ? null
                : IndexedJourney.append(positions, position)));
        letGoIfFinished(id);
        return true;
    }

    /**
     * A journey that has just finished lets go of its events at once unless a reader is using it: they are in the
     * log, and dropping them while they are young keeps them from being promoted and collected later at more cost.
     */
    private void letGoIfFinished(String journeyId) {
        IndexedJourney entry = index.get(journeyId);
        if (entry != null && entry.isFinished() && canReadBack(entry) && !finishedLoaded.containsKey(journeyId)) {
            loaded.remove(journeyId);
        }
    }

    /**
     * Restores a journey from a snapshot: its index entry, and its events where the snapshot holds them (an open
     * journey's); a finished journey's events stay in the log until asked for.
     */
    public void restore(IndexedJourney entry, List<HopEvent> events) {
        events.forEach(loaded::apply);
        index.put(entry.journeyId(), entry);
        letGoIfFinished(entry.journeyId());
    }

    /** The entry of a journey, status judged at {@code now}. */
    public Optional<IndexedJourney> entry(String journeyId, Instant now) {
        return Optional.ofNullable(index.get(journeyId)).map(e -> e.at(now, stallTimeout));
    }

    /** The whole journey, read back from the log if its events are not held. */
    public Optional<JourneyView> view(String journeyId, Instant now) {
        Optional<Journey> journey = load(journeyId);
        touch(journeyId);
        return journey.map(j -> j.view(now, stallTimeout));
    }

    public JourneyStatus status(String journeyId, Instant now) {
        return entry(journeyId, now).map(IndexedJourney::status).orElse(null);
    }

    /** Every event kept for a journey. */
    public List<HopEvent> events(String journeyId) {
        return load(journeyId).map(Journey::events).orElse(List.of());
    }

    /**
     * The events a snapshot must hold of a journey: none for a finished one that can be read back from the log,
     * every one otherwise (an open journey folds on from them).
     */
    public List<HopEvent> eventsToSnapshot(String journeyId) {
        IndexedJourney entry = index.get(journeyId);
        return entry != null && entry.isFinished() && canReadBack(entry) ? List.of() : events(journeyId);
    }

    private boolean canReadBack(IndexedJourney entry) {
        return log != null && entry.positions() != null;
    }

    /** Up to {@code limit} journeys, most recently begun first, only those with {@code status} unless it is null. */
    public List<IndexedJourney> recent(JourneyStatus status, int limit, Instant now) {
        return query(JourneyFilter.status(status), 0, limit, now).items();
    }

    /** The journeys matching the filter, most recently begun first, one page of them. */
    public Page<IndexedJourney> query(JourneyFilter filter, int offset, int limit, Instant now) {
        return Page.of(matching(filter, now), offset, limit);
    }

    public JourneyStats stats(JourneyFilter filter, Instant now) {
        return JourneyStats.of(matching(filter, now));
    }

    private List<IndexedJourney> matching(JourneyFilter filter, Instant now) {
        return index.values().stream()
                .map(e -> e.at(now, stallTimeout))
                .filter(filter::matches)
                .sorted(MOST_RECENT_FIRST)
                .toList();
    }

    /** Journeys known. */
    public int size() {
        return index.size();
    }

    /** Journeys whose events are held now: the open ones and the finished ones cached. */
    public int loadedCount() {
        return loaded.size();
    }

    /** The journey's events in the fold, read back from the log first if they were let go. */
    private Optional<Journey> load(String journeyId) {
        Optional<Journey> held = loaded.journey(journeyId);
        IndexedJourney entry = index.get(journeyId);
        if (held.isPresent() || entry == null || log == null) {
            return held;
        }
        for (HopEvent event : log.read(entry.logPositions())) {
            loaded.apply(event);
        }
        return loaded.journey(journeyId);
    }

    /** Notes a read of a finished journey; lets go of the events of the least recently read beyond the cache. */
    private void touch(String journeyId) {
        IndexedJourney entry = index.get(journeyId);
        if (entry == null) {
            return;
        }
        if (!entry.isFinished() || !canReadBack(entry) || loaded.journey(journeyId).isEmpty()) {
            finishedLoaded.remove(journeyId);
            return;
        }
        finishedLoaded.put(journeyId, Boolean.TRUE);
        Iterator<String> eldest = finishedLoaded.keySet().iterator();
        while (finishedLoaded.size() > cachedFinished && eldest.hasNext()) {
            loaded.remove(eldest.next());
            eldest.remove();
        }
    }
}

package com.packetjourney.contracts.journey;

import com.packetjourney.contracts.HopEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every journey folded from hop events, read from the hop topics in any order, any number of times: the pure
 * reconstruction shared by journey-log (live, from its snapshot onwards) and the CLI's replay (bounded, from the
 * log). Not thread-safe; callers own the locking.
 */
public final class JourneyFold {
    /** Replay's order: simulated start, then id, so the same log always prints the same way. */
    public static final Comparator<JourneyView> BY_SIM_START = Comparator
            .comparing(JourneyView::simStartedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(JourneyView::journeyId);

    private final Map<String, Journey> journeys = new HashMap<>();
    private Instant latestWallTime;

    /** Folds a whole sequence of events. */
    public static JourneyFold of(Iterable<HopEvent> events) {
        JourneyFold fold = new JourneyFold();
        events.forEach(fold::apply);
        return fold;
    }

    /** Applies one event; returns false if it was already known (a duplicate delivery). */
    public boolean apply(HopEvent event) {
        boolean changed = journeys.computeIfAbsent(event.journeyId(), Journey::new).apply(event);
        if (changed && event.wallTime() != null && (latestWallTime == null || event.wallTime().isAfter(latestWallTime))) {
            latestWallTime = event.wallTime();
        }
        return changed;
    }

    /** Forgets a journey (its events can be folded in again later, from the log). */
    public void remove(String journeyId) {
        journeys.remove(journeyId);
    }

    public Optional<Journey> journey(String journeyId) {
        return Optional.ofNullable(journeys.get(journeyId));
    }

    public Collection<Journey> journeys() {
        return Collections.unmodifiableCollection(journeys.values());
    }

    public int size() {
        return journeys.size();
    }

    /**
     * The wall time of the latest event folded: the log's own "now". Judging stalls against it instead of the
     * reader's clock makes a replay of the same records give the same statuses whenever it runs.
     */
    public Instant latestWallTime() {
        return latestWallTime;
    }

    /** Every journey's view, in {@link #BY_SIM_START} order. */
    public List<JourneyView> views(Instant now, Duration stallTimeout) {
        return journeys.values().stream().map(j -> j.view(now, stallTimeout)).sorted(BY_SIM_START).toList();
    }
}

package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.journey.Journey;
import com.packetjourney.contracts.journey.JourneyFold;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every journey seen on the hop topics, folded with the shared {@link JourneyFold}: duplicates and out-of-order
 * delivery across topics give the same result. Lists show the most recently begun first, "begun" being the wall
 * time the log recorded for a journey's earliest event, so every instance and every restart agrees on the order.
 */
public final class JourneyStore {
    /** Most recently begun first; journeys begun at the same instant by id, descending, so the order is total. */
    private static final Comparator<Journey> MOST_RECENT_FIRST = Comparator
            .comparing(Journey::firstWallTime, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Journey::journeyId)
            .reversed();

    private final JourneyFold fold = new JourneyFold();
    private final Duration stallTimeout;

    public JourneyStore(Duration stallTimeout) {
        this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
    }

    /** Applies one event; returns false if it was already known (a duplicate delivery). */
    public boolean apply(HopEvent event) {
        return fold.apply(event);
    }

    public Optional<JourneyView> view(String journeyId, Instant now) {
        return fold.journey(journeyId).map(j -> j.view(now, stallTimeout));
    }

    public JourneyStatus status(String journeyId, Instant now) {
        return fold.journey(journeyId).map(j -> j.status(now, stallTimeout)).orElse(null);
    }

    /** Every event kept for a journey (what a snapshot holds of it). */
    public List<HopEvent> events(String journeyId) {
        return fold.journey(journeyId).map(Journey::events).orElse(List.of());
    }

    /** Up to {@code limit} journeys, most recently begun first, only those with {@code status} unless it is null. */
    public List<JourneyView> recent(JourneyStatus status, int limit, Instant now) {
        return query(JourneyFilter.status(status), 0, limit, now).items();
    }

    /** The journeys matching the filter, most recently begun first, one page of them. */
    public Page<JourneyView> query(JourneyFilter filter, int offset, int limit, Instant now) {
        return Page.of(matching(filter, now), offset, limit);
    }

    public JourneyStats stats(JourneyFilter filter, Instant now) {
        return JourneyStats.of(matching(filter, now));
    }

    private List<JourneyView> matching(JourneyFilter filter, Instant now) {
        return fold.journeys().stream()
                .sorted(MOST_RECENT_FIRST)
                .map(j -> j.view(now, stallTimeout))
                .filter(filter::matches)
                .toList();
    }

    public int size() {
        return fold.size();
    }
}

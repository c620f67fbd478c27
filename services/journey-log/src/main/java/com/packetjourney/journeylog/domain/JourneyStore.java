package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.journey.Journey;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every journey seen on the hop topics, in the order their first event arrived (the most recent is the last one
 * begun). Each {@link Journey} folds its events idempotently and in hop order, so duplicates and out-of-order
 * delivery across topics give the same result.
 */
public final class JourneyStore {
    private final Map<String, Journey> journeys = new LinkedHashMap<>();
    private final Duration stallTimeout;

    public JourneyStore(Duration stallTimeout) {
        this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
    }

    /** Applies one event; returns false if it was already known (a duplicate delivery). */
    public boolean apply(HopEvent event) {
        return journeys.computeIfAbsent(event.journeyId(), Journey::new).apply(event);
    }

    public Optional<JourneyView> view(String journeyId, Instant now) {
        Journey journey = journeys.get(journeyId);
        return journey == null ? Optional.empty() : Optional.of(journey.view(now, stallTimeout));
    }

    /** Up to {@code limit} journeys, most recently begun first, only those with {@code status} unless it is null. */
    public List<JourneyView> recent(JourneyStatus status, int limit, Instant now) {
        List<JourneyView> found = new ArrayList<>();
        ListIterator<Journey> it = new ArrayList<>(journeys.values()).listIterator(journeys.size());
        while (it.hasPrevious() && found.size() < limit) {
            Journey journey = it.previous();
            if (status == null || journey.status(now, stallTimeout) == status) {
                found.add(journey.view(now, stallTimeout));
            }
        }
        return found;
    }

    public int size() {
        return journeys.size();
    }
}

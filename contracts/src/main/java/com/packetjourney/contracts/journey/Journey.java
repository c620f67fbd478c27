package com.packetjourney.contracts.journey;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PodResponded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * One journey folded from its hop events. Applying is idempotent on event id and independent of arrival order:
 * hops are kept by sequence, so the view is the same whichever order the topics were read in.
 */
public final class Journey {
    private final String journeyId;
    private final TreeMap<Integer, HopEvent> hops = new TreeMap<>();
    private Instant lastWallTime;

    public Journey(String journeyId) {
        this.journeyId = journeyId;
    }

    /** Applies one event; returns false if it was already known (a duplicate delivery). */
    public boolean apply(HopEvent event) {
        if (!journeyId.equals(event.journeyId())) {
            throw new IllegalArgumentException("event of journey " + event.journeyId() + " applied to " + journeyId);
        }
        HopEvent known = hops.get(event.hop());
        if (known != null && known.eventId().equals(event.eventId())) {
            return false;
        }
        hops.put(event.hop(), event);
        if (event.wallTime() != null && (lastWallTime == null || event.wallTime().isAfter(lastWallTime))) {
            lastWallTime = event.wallTime();
        }
        return true;
    }

    public String journeyId() {
        return journeyId;
    }

    public Instant lastWallTime() {
        return lastWallTime;
    }

    /** Status without a clock: stalled journeys are those in progress whose last event is older than a timeout. */
    public JourneyStatus status() {
        for (HopEvent e : hops.values()) {
            if (!e.outcome().isOk()) {
                return JourneyStatus.FAILED;
            }
        }
        if (!hops.isEmpty() && hops.lastEntry().getValue().hopType().isLast()) {
            return JourneyStatus.COMPLETED;
        }
        return JourneyStatus.IN_PROGRESS;
    }

    public JourneyStatus status(Instant now, Duration stallTimeout) {
        JourneyStatus status = status();
        if (status == JourneyStatus.IN_PROGRESS && lastWallTime != null
                && lastWallTime.plus(stallTimeout).isBefore(now)) {
            return JourneyStatus.STALLED;
        }
        return status;
    }

    public JourneyView view(Instant now, Duration stallTimeout) {
        List<HopEvent> ordered = new ArrayList<>(hops.values());
        ordered.sort(Comparator.comparingInt(HopEvent::hop));
        HopEvent first = ordered.isEmpty() ? null : ordered.get(0);
        HopEvent last = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1);
        String url = null;
        String client = null;
        if (first != null && first.payload() instanceof JourneyRequested req) {
            url = req.url();
            client = req.client();
        } else if (first != null && first.context() != null) {
            url = first.context().url();
            client = first.context().client();
        }
        HopEvent failed = ordered.stream().filter(e -> !e.outcome().isOk()).findFirst().orElse(null);
        FailureCode code = failed == null ? null : failed.outcome().code();
        Integer httpStatus = null;
        if (last != null && last.payload() instanceof PodResponded pod) {
            httpStatus = pod.status();
        }
        long total = ordered.stream().mapToLong(HopEvent::simLatencyMicros).sum();
        return new JourneyView(journeyId, status(now, stallTimeout), url, client,
                first == null ? null : first.simStartedAt(), total,
                last == null ? null : last.hopType().wireName(),
                failed == null ? null : failed.hopType().wireName(), code,
                failed == null ? null : failed.outcome().message(), httpStatus,
                Collections.unmodifiableList(ordered));
    }

    /** The hop a journey is waiting for, if it is still in progress. */
    public HopType nextHop() {
        if (hops.isEmpty()) {
            return HopType.JOURNEY_REQUESTED;
        }
        HopType last = hops.lastEntry().getValue().hopType();
        return last.isLast() ? null : HopType.values()[last.ordinal() + 1];
    }
}

package com.packetjourney.contracts.journey;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PodResponded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One journey folded from its hop events. The fold is a set union followed by a deterministic choice, so the result
 * depends only on which events were seen, never on the order or the number of times they arrived:
 * <ul>
 *   <li>an event equal to a known one changes nothing (idempotent on event id and content);</li>
 *   <li>the journey's hops are the causation chain: its first hop, then the event, at a later place in the
 *       {@link HopChain}, whose causation id is the event id of the hop before; a hop whose cause has not arrived
 *       yet waits. Places come from the chain and identities from the events' fixed hop numbers, so a log written
 *       before a hop was inserted folds the same;</li>
 *   <li>when a hop was recorded twice with different content (a service re-computed it after a restart), the
 *       earliest computation wins, ties broken by content, so every reader picks the same one.</li>
 * </ul>
 */
public final class Journey {
    /** Which of two versions of one hop is kept: the earliest computed, then the smallest by content. */
    private static final Comparator<HopEvent> CANONICAL = Comparator
            .comparing(HopEvent::wallTime, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Json::write);

    private final String journeyId;
    private final HopChain hops;
    /**
     * Candidate events by their hop's place in the chain: usually one each; more only if the log holds conflicting
     * versions. Hops the chain does not know sort after every known one.
     */
    private final TreeMap<Integer, List<HopEvent>> candidates = new TreeMap<>();
    private Instant firstWallTime;
    private Instant lastWallTime;

    public Journey(String journeyId) {
        this(journeyId, HopChain.STANDARD);
    }

    public Journey(String journeyId, HopChain hops) {
        this.journeyId = journeyId;
        this.hops = hops;
    }

    private int place(HopEvent event) {
        int position = hops.position(event.hop());
        return position < 0 ? hops.size() + event.hop() : position;
    }

    /** Applies one event; returns false if it was already known (a duplicate delivery), true if it added something. */
    public boolean apply(HopEvent event) {
        if (!journeyId.equals(event.journeyId())) {
            throw new IllegalArgumentException("event of journey " + event.journeyId() + " applied to " + journeyId);
        }
        List<HopEvent> atHop = candidates.computeIfAbsent(place(event), h -> new ArrayList<>(1));
        for (int i = 0; i < atHop.size(); i++) {
            HopEvent known = atHop.get(i);
            if (known.equals(event)) {
                return false;
            }
            if (known.eventId() != null && known.eventId().equals(event.eventId())) {
                if (CANONICAL.compare(event, known) >= 0) {
                    return false;
                }
                atHop.set(i, event);
                noteWallTime(event.wallTime());
                return true;
            }
        }
        atHop.add(event);
        noteWallTime(event.wallTime());
        return true;
    }

    private void noteWallTime(Instant wallTime) {
        if (wallTime == null) {
            return;
        }
        if (firstWallTime == null || wallTime.isBefore(firstWallTime)) {
            firstWallTime = wallTime;
        }
        if (lastWallTime == null || wallTime.isAfter(lastWallTime)) {
            lastWallTime = wallTime;
        }
    }

    public String journeyId() {
        return journeyId;
    }

    /** Wall time of the earliest event: when the journey was begun, as the log recorded it. */
    public Instant firstWallTime() {
        return firstWallTime;
    }

    /** Wall time of the latest event: the journey's last sign of progress. */
    public Instant lastWallTime() {
        return lastWallTime;
    }

    /** Every event kept, in hop order: what a snapshot must hold to rebuild exactly this journey. */
    public List<HopEvent> events() {
        List<HopEvent> all = new ArrayList<>();
        candidates.values().forEach(all::addAll);
        return all;
    }

    /**
     * The hops the journey has reached, in order: the causation chain from its first hop. It starts at the chain's
     * first hop, or at the earliest hop seen when the first one never arrived, and stops where no later event names
     * the last one as its cause.
     */
    public List<HopEvent> chain() {
        List<HopEvent> chain = new ArrayList<>();
        if (candidates.isEmpty()) {
            return chain;
        }
        Map.Entry<Integer, List<HopEvent>> start = candidates.firstEntry();
        HopEvent current = start.getValue().stream()
                .min(Comparator.comparing((HopEvent e) -> e.causationId() != null).thenComparing(CANONICAL))
                .orElseThrow();
        int place = start.getKey();
        while (current != null) {
            chain.add(current);
            String cause = current.eventId();
            HopEvent following = null;
            int followingPlace = place;
            if (cause != null) {
                for (Map.Entry<Integer, List<HopEvent>> later : candidates.tailMap(place, false).entrySet()) {
                    following = later.getValue().stream().filter(e -> cause.equals(e.causationId()))
                            .min(CANONICAL).orElse(null);
                    if (following != null) {
                        followingPlace = later.getKey();
                        break;
                    }
                }
            }
            current = following;
            place = followingPlace;
        }
        return chain;
    }

    /** Status without a clock: stalled journeys are those in progress whose last event is older than a timeout. */
    public JourneyStatus status() {
        return statusOf(chain());
    }

    private JourneyStatus statusOf(List<HopEvent> chain) {
        if (chain.isEmpty()) {
            return JourneyStatus.IN_PROGRESS;
        }
        if (firstFailure(chain) != null) {
            return JourneyStatus.FAILED;
        }
        return hops.isLast(chain.get(chain.size() - 1).hop()) ? JourneyStatus.COMPLETED : JourneyStatus.IN_PROGRESS;
    }

    private static HopEvent firstFailure(List<HopEvent> chain) {
        return chain.stream().filter(e -> !e.outcome().isOk()).findFirst().orElse(null);
    }

    public JourneyStatus status(Instant now, Duration stallTimeout) {
        return withStall(status(), now, stallTimeout);
    }

    private JourneyStatus withStall(JourneyStatus status, Instant now, Duration stallTimeout) {
        return statusAt(status, lastWallTime, now, stallTimeout);
    }

    /** A status judged at {@code now}: in progress with no event since {@code lastWallTime} plus the timeout is STALLED. */
    public static JourneyStatus statusAt(JourneyStatus status, Instant lastWallTime, Instant now, Duration stallTimeout) {
        if (status == JourneyStatus.IN_PROGRESS && lastWallTime != null
                && lastWallTime.plus(stallTimeout).isBefore(now)) {
            return JourneyStatus.STALLED;
        }
        return status;
    }

    /** The view without a clock: a journey in progress is shown IN_PROGRESS, never STALLED. */
    public JourneyView view() {
        return view(Instant.MIN, Duration.ZERO);
    }

    public JourneyView view(Instant now, Duration stallTimeout) {
        List<HopEvent> ordered = chain();
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
        HopEvent failed = firstFailure(ordered);
        FailureCode code = failed == null ? null : failed.outcome().code();
        Integer httpStatus = null;
        if (last != null && last.payload() instanceof PodResponded pod) {
            httpStatus = pod.status();
        }
        long total = ordered.stream().mapToLong(HopEvent::simLatencyMicros).sum();
        return new JourneyView(journeyId, withStall(statusOf(ordered), now, stallTimeout), url, client,
                first == null ? null : first.simStartedAt(), total,
                last == null ? null : last.hopType().wireName(),
                failed == null ? null : failed.hopType().wireName(), code,
                failed == null ? null : failed.outcome().message(), httpStatus,
                Collections.unmodifiableList(ordered));
    }

    /** The hop a journey is waiting for, if it is still in progress. */
    public HopType nextHop() {
        List<HopEvent> chain = chain();
        if (chain.isEmpty()) {
            return HopType.ofNumber(hops.first().number());
        }
        HopEvent last = chain.get(chain.size() - 1);
        if (firstFailure(chain) != null) {
            return null;
        }
        return hops.next(last.hop()).map(h -> HopType.ofNumber(h.number())).orElse(null);
    }
}

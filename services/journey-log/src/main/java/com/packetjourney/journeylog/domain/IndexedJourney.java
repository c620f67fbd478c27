package com.packetjourney.journeylog.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.Journey;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A journey as the read model's index holds it: what lists, filters and statistics need (its outcome, URL, client,
 * simulated start and latencies per hop) and where its events are in the log, without the events themselves.
 * {@code status} is as of the journey's own last event (never STALLED); {@link #at} judges stalling against a clock.
 * {@code hopLatencyMicros} is indexed by hop number ({@link HopType#number()}), -1 for a hop not reached; {@code positions} are
 * {@link LogPosition#packed()} values of every event kept for the journey, null when one of them is unknown (the
 * journey's events then stay in memory).
 */
public record IndexedJourney(
        String journeyId,
        JourneyStatus status,
        String url,
        String client,
        Instant simStartedAt,
        long simTotalMicros,
        int hopCount,
        String lastHop,
        String failedHop,
        FailureCode failureCode,
        String failureMessage,
        Integer httpStatus,
        Instant firstWallTime,
        Instant lastWallTime,
        long[] hopLatencyMicros,
        long[] positions) {

    private static final int HIGHEST_HOP_NUMBER = java.util.Arrays.stream(HopType.values())
            .mapToInt(HopType::number).max().orElseThrow();

    /** The index entry of a journey as folded so far, its events at {@code positions}. */
    public static IndexedJourney of(Journey journey, long[] positions) {
        JourneyView view = journey.view();
        long[] latencies = new long[HIGHEST_HOP_NUMBER + 1];
        Arrays.fill(latencies, -1);
        for (HopEvent hop : view.hops()) {
            latencies[hop.hop()] = hop.simLatencyMicros();
        }
        // a journey's URL and client repeat across thousands of journeys: one copy of each
        return new IndexedJourney(view.journeyId(), view.status(), intern(view.url()), intern(view.client()),
                view.simStartedAt(), view.simTotalMicros(), view.hops().size(), view.lastHop(), view.failedHop(),
                view.failureCode(), view.failureMessage(), view.httpStatus(), journey.firstWallTime(),
                journey.lastWallTime(), latencies, positions);
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    /**
     * Completed or failed, and its first hop known: nothing more is expected of it. (Hops are read from six topics,
     * so the last ones can be read before the first; the chain then starts later and looks complete, but is not.)
     */
    @JsonIgnore
    public boolean isFinished() {
        return (status == JourneyStatus.COMPLETED || status == JourneyStatus.FAILED)
                && latencyMicros(HopChain.STANDARD.first().number()) >= 0;
    }

    /** The simulated time hop {@code number} took, -1 if the journey did not reach it. */
    public long latencyMicros(int number) {
        return number < hopLatencyMicros.length ? hopLatencyMicros[number] : -1;
    }

    /**
     * This entry with its hops identified by fixed number, where a snapshot of an older format indexed them by
     * their place in the chain: {@code numberAtPlace[i]} is the number of the hop at place {@code i}.
     */
    IndexedJourney withHopsRenumbered(int[] numberAtPlace) {
        long[] latencies = new long[HIGHEST_HOP_NUMBER + 1];
        Arrays.fill(latencies, -1);
        for (int place = 0; place < hopLatencyMicros.length && place < numberAtPlace.length; place++) {
            latencies[numberAtPlace[place]] = hopLatencyMicros[place];
        }
        long[] renumbered = positions == null ? null : Arrays.stream(positions)
                .map(p -> LogPosition.renumbered(p, numberAtPlace)).toArray();
        return new IndexedJourney(journeyId, status, url, client, simStartedAt, simTotalMicros, hopCount, lastHop,
                failedHop, failureCode, failureMessage, httpStatus, firstWallTime, lastWallTime, latencies, renumbered);
    }

    /** This entry with its status judged at {@code now}: in progress with no event for longer than the timeout is STALLED. */
    public IndexedJourney at(Instant now, Duration stallTimeout) {
        JourneyStatus judged = Journey.statusAt(status, lastWallTime, now, stallTimeout);
        return judged == status ? this : new IndexedJourney(journeyId, judged, url, client, simStartedAt,
                simTotalMicros, hopCount, lastHop, failedHop, failureCode, failureMessage, httpStatus, firstWallTime,
                lastWallTime, hopLatencyMicros, positions);
    }

    /** Where its events are, in the order they were first read. */
    public List<LogPosition> logPositions() {
        return positions == null ? List.of() : Arrays.stream(positions).mapToObj(LogPosition::unpack).toList();
    }

    /** Equal when every field is, the arrays by content (a snapshot restored equals the one written). */
    @Override
    public boolean equals(Object o) {
        return o instanceof IndexedJourney other
                && journeyId.equals(other.journeyId) && status == other.status && Objects.equals(url, other.url)
                && Objects.equals(client, other.client) && Objects.equals(simStartedAt, other.simStartedAt)
                && simTotalMicros == other.simTotalMicros && hopCount == other.hopCount
                && Objects.equals(lastHop, other.lastHop) && Objects.equals(failedHop, other.failedHop)
                && failureCode == other.failureCode && Objects.equals(failureMessage, other.failureMessage)
                && Objects.equals(httpStatus, other.httpStatus) && Objects.equals(firstWallTime, other.firstWallTime)
                && Objects.equals(lastWallTime, other.lastWallTime)
                && Arrays.equals(hopLatencyMicros, other.hopLatencyMicros) && Arrays.equals(positions, other.positions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(journeyId, status, simStartedAt, lastWallTime, Arrays.hashCode(positions));
    }

    @Override
    public String toString() {
        return "IndexedJourney[" + journeyId + " " + status + ", " + hopCount + " hops, positions "
                + (positions == null ? "unknown" : logPositions()) + "]";
    }

    /** Positions with one more, {@code position}. */
    public static long[] append(long[] positions, LogPosition position) {
        long[] more = Arrays.copyOf(positions, positions.length + 1);
        more[positions.length] = position.packed();
        return more;
    }
}

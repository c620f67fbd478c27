package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.JourneyStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summary statistics over a set of journeys: how many ended each way and where they failed, and the simulated
 * latency of each hop (every hop reached, failed ones included: a failure takes time too) and end to end (completed
 * journeys only, the time until nginx answered).
 */
public record JourneyStats(
        int journeys,
        Map<JourneyStatus, Integer> byOutcome,
        Map<String, Integer> byFailingHop,
        Map<FailureCode, Integer> byFailureCode,
        Map<String, LatencyDistribution> hopLatencyMicros,
        LatencyDistribution endToEndMicros) {

    public static JourneyStats of(List<IndexedJourney> views) {
        Map<JourneyStatus, Integer> byOutcome = new LinkedHashMap<>();
        for (JourneyStatus s : JourneyStatus.values()) {
            byOutcome.put(s, 0);
        }
        Map<String, Integer> byFailingHop = new LinkedHashMap<>();
        Map<FailureCode, Integer> byCode = new TreeMap<>();
        Map<HopType, List<Long>> perHop = new LinkedHashMap<>();
        for (HopType t : HopType.values()) {
            perHop.put(t, new ArrayList<>());
        }
        List<Long> endToEnd = new ArrayList<>();
        for (IndexedJourney j : views) {
            byOutcome.merge(j.status(), 1, Integer::sum);
            if (j.status() == JourneyStatus.FAILED) {
                byFailingHop.merge(j.failedHop(), 1, Integer::sum);
                if (j.failureCode() != null) {
                    byCode.merge(j.failureCode(), 1, Integer::sum);
                }
            }
            if (j.status() == JourneyStatus.COMPLETED) {
                endToEnd.add(j.simTotalMicros());
            }
            for (HopType t : HopType.values()) {
                long micros = j.latencyMicros(t.number());
                if (micros >= 0) {
                    perHop.get(t).add(micros);
                }
            }
        }
        Map<String, LatencyDistribution> hopLatency = new LinkedHashMap<>();
        perHop.forEach((type, latencies) -> hopLatency.put(type.wireName(), distribution(latencies)));
        return new JourneyStats(views.size(), byOutcome, sortedByHop(byFailingHop), byCode, hopLatency,
                distribution(endToEnd));
    }

    private static LatencyDistribution distribution(List<Long> values) {
        return LatencyDistribution.of(values.stream().mapToLong(Long::longValue).toArray());
    }

    /** Failing hops in journey order, so the table reads from the laptop to the pod. */
    private static Map<String, Integer> sortedByHop(Map<String, Integer> counts) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        for (HopType t : HopType.values()) {
            Integer n = counts.get(t.wireName());
            if (n != null) {
                sorted.put(t.wireName(), n);
            }
        }
        return sorted;
    }
}

package com.packetjourney.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One measured run: when each journey was meant to start, how it ended, and the latency histograms (microseconds)
 * end to end and per hop. Latency counts from the intended start, so a sender that falls behind an open-loop
 * schedule shows up as latency rather than hiding it (coordinated omission).
 */
final class Run {
    private static final long MAX_MICROS = 600_000_000L;

    private final Map<String, Long> intendedNanos = new ConcurrentHashMap<>();
    /** Ended journeys whose per-hop stamps have not all been read yet, with their intended start. */
    private final Map<String, Long> awaitingStamps = new HashMap<>();
    private final Semaphore inFlight;
    private final Histogram endToEnd = new Histogram(MAX_MICROS, 3);
    private final List<Histogram> perHop = new ArrayList<>();
    private long completed;
    private long failed;
    private long firstArrival = Long.MAX_VALUE;
    private long lastArrival = Long.MIN_VALUE;

    /** {@code inFlight}: permits a closed loop takes per journey, null for an open loop. */
    Run(int hops, Semaphore inFlight) {
        this.inFlight = inFlight;
        for (int i = 0; i < hops; i++) {
            perHop.add(new Histogram(MAX_MICROS, 3));
        }
    }

    void sending(String journeyId, long intended) {
        intendedNanos.put(journeyId, intended);
    }

    /** The journey ended well: {@code stamps} are System.nanoTime() values, the last one its arrival at the reader. */
    synchronized void completed(String journeyId, long[] stamps) {
        ended(journeyId, stamps[stamps.length - 1]);
        stamped(journeyId, stamps);
    }

    /** The journey's last hop reached the reader at {@code arrival}: it counts, and a closed loop sends the next. */
    synchronized void ended(String journeyId, long arrival) {
        Long intended = intendedNanos.remove(journeyId);
        if (intended == null) {
            return; // not this run's
        }
        awaitingStamps.put(journeyId, intended);
        completed++;
        firstArrival = Math.min(firstArrival, arrival);
        lastArrival = Math.max(lastArrival, arrival);
        endToEnd.recordValue(clamp((arrival - intended) / 1000));
        release();
    }

    /** Every hop's stamp of an ended journey, the last its arrival: the per-hop intervals. */
    synchronized void stamped(String journeyId, long[] stamps) {
        Long intended = awaitingStamps.remove(journeyId);
        if (intended == null) {
            return;
        }
        long previous = intended;
        for (int i = 0; i < stamps.length && i < perHop.size(); i++) {
            perHop.get(i).recordValue(clamp((stamps[i] - previous) / 1000));
            previous = stamps[i];
        }
    }

    /** The journey failed at a hop or could not be sent. */
    synchronized void failed(String journeyId) {
        awaitingStamps.remove(journeyId);
        if (intendedNanos.remove(journeyId) != null) {
            failed++;
            release();
        }
    }

    private void release() {
        if (inFlight != null) {
            inFlight.release();
        }
    }

    /** Waits until every journey sent has ended or the timeout passed; returns those still missing. */
    int drain(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!intendedNanos.isEmpty() && System.nanoTime() < deadline) {
            Load.sleep(20);
        }
        return intendedNanos.size();
    }

    synchronized long completed() {
        return completed;
    }

    synchronized long failed() {
        return failed;
    }

    synchronized long firstArrival() {
        return firstArrival;
    }

    synchronized long lastArrival() {
        return lastArrival;
    }

    synchronized Histogram endToEnd() {
        return endToEnd.copy();
    }

    synchronized List<Histogram> perHop() {
        return perHop.stream().map(Histogram::copy).toList();
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(MAX_MICROS, micros));
    }
}

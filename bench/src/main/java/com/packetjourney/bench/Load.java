package com.packetjourney.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** The two ways load is offered: a closed loop (a fixed number in flight) and an open loop (a fixed rate). */
final class Load {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Duration DRAIN = Duration.ofSeconds(120);

    /** Figures of one closed-loop run: journeys/s while it lasted, and how many did not end well. */
    record Closed(int inFlight, double perSecond, long completed, long failed, long missing) {
    }

    /** Figures of one open-loop run. */
    record Open(int offeredPerSecond, double achievedPerSecond, double seconds, long sent, long failed, long missing,
                Run run) {
    }

    private Load() {
    }

    static Closed closed(Pipeline pipeline, String tag, int inFlight, Duration duration) {
        Semaphore permits = new Semaphore(inFlight);
        Run run = new Run(pipeline.hopNames().size(), permits);
        pipeline.measureInto(run);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    String id = journeyId(tag);
                    run.sending(id, System.nanoTime());
                    pipeline.send(id, run);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        long completedInTime = run.completed();
        double seconds = (System.nanoTime() - start) / 1e9;
        int missing = run.drain(DRAIN.toNanos());
        return new Closed(inFlight, completedInTime / seconds, run.completed(), run.failed(), missing);
    }

    static Open open(Pipeline pipeline, String tag, int perSecond, Duration duration) {
        Run run = new Run(pipeline.hopNames().size(), null);
        pipeline.measureInto(run);
        long period = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 10_000_000L;
        long count = duration.toNanos() / period;
        for (long i = 0; i < count; i++) {
            long intended = start + i * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = journeyId(tag);
            run.sending(id, intended);
            pipeline.send(id, run);
        }
        int missing = run.drain(DRAIN.toNanos());
        double seconds = Math.max(run.lastArrival() - start, 1) / 1e9;
        return new Open(perSecond, run.completed() / seconds, duration.toMillis() / 1000.0, count, run.failed(),
                missing, run);
    }

    /** Unique across runs and processes, so no journey of an earlier run is taken for one of this run. */
    private static String journeyId(String tag) {
        return "bench-" + tag + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package com.packetjourney.metrics;

import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What every service records about the hop it computes, under the same names and labels everywhere:
 * <ul>
 *   <li>{@code pj_hop_events_total{service,hop,outcome,code}}: incoming events by what became of them: {@code ok},
 *   {@code failed} (with the {@code FailureCode}), {@code skipped} (the journey had already failed upstream),
 *   {@code unreadable} (dead-lettered) or {@code error};</li>
 *   <li>{@code pj_hop_processing_seconds{service,hop}}: wall time spent reading an event and computing the next;</li>
 *   <li>{@code pj_hop_simulated_latency_seconds{service,hop}}: the simulated time the hop added to the journey;</li>
 *   <li>{@code pj_journeys_started_total{service}}: journeys begun (the first hop only).</li>
 * </ul>
 * Both timers publish histogram buckets rather than percentiles computed in the service, so percentiles can be
 * aggregated across hops and instances in PromQL ({@code histogram_quantile}).
 */
public final class HopMetrics {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String UNREADABLE = "unreadable";
    public static final String ERROR = "error";

    private final MeterRegistry registry;
    private final HopType hop;
    private final Timer processing;
    private final Timer simulatedLatency;
    private final Counter journeysStarted;

    public HopMetrics(MeterRegistry registry, HopType hop) {
        this.registry = registry;
        this.hop = hop;
        this.processing = histogram("pj.hop.processing",
                "Wall time a service spent on one event of the hop: reading it and computing the next",
                Duration.ofNanos(50_000), Duration.ofSeconds(5));
        // From a cached DHCP lease (no time at all) to a DNS resolution over slow, lossy servers.
        this.simulatedLatency = histogram("pj.hop.simulated.latency",
                "Simulated time the hop added to the journey, computed from the world's figures",
                Duration.ofNanos(10_000), Duration.ofSeconds(10));
        this.journeysStarted = HopChain.STANDARD.first().number() == hop.number()
                ? Counter.builder("pj.journeys.started").description("Journeys begun by a request in the browser")
                .tag(Labels.SERVICE, hop.service()).register(registry)
                : null;
        events(OK, Labels.NO_CODE);
    }

    private Timer histogram(String name, String description, Duration from, Duration to) {
        return Timer.builder(name).description(description)
                .tags(Labels.SERVICE, hop.service(), Labels.HOP, hop.wireName())
                .publishPercentileHistogram().minimumExpectedValue(from).maximumExpectedValue(to)
                .register(registry);
    }

    /** An incoming record that could not be read as the hop's input: it goes to the dead-letter topic. */
    public void unreadable(long startNanos) {
        finish(startNanos, UNREADABLE, Labels.NO_CODE);
    }

    /** The hop's computation threw: the record goes to the dead-letter topic. */
    public void error(long startNanos) {
        finish(startNanos, ERROR, Labels.NO_CODE);
    }

    /** Records an event the hop computed since {@code startNanos} (a {@link System#nanoTime()} reading); null is a skip. */
    public HopEvent recorded(HopEvent out, long startNanos) {
        if (out == null) {
            finish(startNanos, SKIPPED, Labels.NO_CODE);
            return null;
        }
        String outcome = out.outcome().status().name().toLowerCase(Locale.ROOT);
        finish(startNanos, outcome, out.outcome().code() == null ? Labels.NO_CODE : out.outcome().code().name());
        simulatedLatency.record(out.simLatencyMicros(), TimeUnit.MICROSECONDS);
        return out;
    }

    /** The first event of a journey, emitted since {@code startNanos}: counted as a journey started, and recorded. */
    public HopEvent started(HopEvent first, long startNanos) {
        if (journeysStarted == null) {
            throw new IllegalStateException(hop.wireName() + " does not start journeys");
        }
        journeysStarted.increment();
        return recorded(first, startNanos);
    }

    private void finish(long startNanos, String outcome, String code) {
        processing.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        events(outcome, code).increment();
    }

    private Counter events(String outcome, String code) {
        return Counter.builder("pj.hop.events")
                .description("Events a hop handled, by outcome and failure code")
                .tags(Labels.SERVICE, hop.service(), Labels.HOP, hop.wireName(), Labels.OUTCOME, outcome,
                        Labels.CODE, code)
                .register(registry);
    }
}

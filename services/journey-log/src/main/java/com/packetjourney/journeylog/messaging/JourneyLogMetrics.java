package com.packetjourney.journeylog.messaging;

import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.journeylog.service.JourneyLogService;
import com.packetjourney.journeylog.service.JourneySummary;
import com.packetjourney.metrics.Labels;
import com.packetjourney.metrics.StateGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What the journey log sees end to end, labelled like every hop metric:
 * <ul>
 *   <li>{@code pj_journeys_finished_total{outcome,hop,code}}: journeys completed or failed, with the hop they ended
 *   at and the failure code;</li>
 *   <li>{@code pj_journey_simulated_latency_seconds{outcome}}: the simulated time from the browser's request to the
 *   end, the sum of the hops' latencies;</li>
 *   <li>{@code pj_journey_wall_duration_seconds{outcome}}: the wall time the services took from the first event to
 *   the last;</li>
 *   <li>{@code pj_journeys_in_progress} and {@code pj_journeys_stalled}: journeys not ended, and those of them whose
 *   last event is older than the stall timeout.</li>
 * </ul>
 * A journey counts as finished once all its hops up to the last one are in the log, so hops read out of order or
 * twice never count it again.
 */
@ApplicationScoped
public class JourneyLogMetrics {
    private static final String SERVICE = "journey-log";

    @Inject
    MeterRegistry registry;
    @Inject
    JourneyLogService service;

    private StateGauges gauges;

    /** Before the hop topics are read, so that no journey ends unseen. */
    void onStart(@Observes @Priority(1000) StartupEvent event) {
        service.addListener(this::onChanged);
        gauges = new StateGauges(registry, SERVICE)
                .gauge("pj.journeys.in.progress", "Journeys begun and not yet completed or failed, stalled ones included",
                        () -> Map.of(Tags.empty(), count(JourneyStatus.IN_PROGRESS) + count(JourneyStatus.STALLED)))
                .gauge("pj.journeys.stalled", "Journeys whose last event is older than the stall timeout",
                        () -> Map.of(Tags.empty(), count(JourneyStatus.STALLED)))
                .start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (gauges != null) {
            gauges.close();
        }
    }

    private void onChanged(JourneySummary journey) {
        if (!hasEnded(journey)) {
            return;
        }
        String outcome = journey.status().name().toLowerCase(Locale.ROOT);
        String hop = journey.status() == JourneyStatus.FAILED ? journey.failedHop() : journey.lastHop();
        Counter.builder("pj.journeys.finished").description("Journeys that completed or failed, by where they ended")
                .tags(Labels.SERVICE, SERVICE, Labels.OUTCOME, outcome, Labels.HOP, hop, Labels.CODE,
                        journey.failureCode() == null ? Labels.NO_CODE : journey.failureCode().name())
                .register(registry).increment();
        Timer.builder("pj.journey.simulated.latency")
                .description("Simulated time from the browser's request to the journey's end, all hops included")
                .tags(Labels.SERVICE, SERVICE, Labels.OUTCOME, outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(Duration.ofNanos(journey.simTotalMicros() * 1000));
        service.wallSpan(journey.journeyId()).ifPresent(d -> Timer
                .builder("pj.journey.wall.duration")
                .description("Wall time the services took from the journey's first event to its last")
                .tags(Labels.SERVICE, SERVICE, Labels.OUTCOME, outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(d));
    }

    /** Completed or failed, and every hop up to the one it ended at is known. */
    private static boolean hasEnded(JourneySummary journey) {
        String end = switch (journey.status()) {
            case COMPLETED -> journey.lastHop();
            case FAILED -> journey.failedHop();
            default -> null;
        };
        return end != null && journey.hopCount() == HopChain.STANDARD.position(HopType.fromWireName(end).number()) + 1;
    }

    private int count(JourneyStatus status) {
        return service.countUnfinished(status);
    }
}

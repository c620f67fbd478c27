package com.packetjourney.laptop.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Refused;
import com.packetjourney.metrics.HopMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** → journey-requested: the journey's first event, keyed by journey id so all its hops share a partition number. */
@ApplicationScoped
public class LaptopHop {
    private static final long ACK_TIMEOUT_SECONDS = 30;
    /** Below the Kafka sink's own limit of unacknowledged records (1024 by default). */
    static final int MAX_IN_FLIGHT = 1000;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Emitter<Record<String, byte[]>> emitter;
    private final HopMetrics metrics;

    LaptopHop(@Channel("journey-requested") Emitter<Record<String, byte[]>> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.metrics = new HopMetrics(registry, HopType.JOURNEY_REQUESTED);
    }

    /**
     * Sends the event; the stage completes once the broker has acknowledged it, so an accepted request is a journey
     * that will happen. No thread waits meanwhile.
     *
     * @return a stage that fails with IllegalStateException if the broker did not take it
     * @throws Refused (unavailable) when too many journeys wait for the broker already
     */
    public CompletionStage<Void> emit(HopEvent requested) {
        long start = System.nanoTime();
        // an emitter whose buffer overflows fails for good: refuse before that, the caller says "retry"
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT || !emitter.hasRequests()) {
            inFlight.decrementAndGet();
            throw Refused.unavailable(MAX_IN_FLIGHT + " journeys are waiting for the broker to acknowledge them; "
                    + "retry in a moment");
        }
        return emitter.send(Record.of(requested.journeyId(), Json.writeBytes(requested)))
                .toCompletableFuture()
                .orTimeout(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .handle((ok, failure) -> {
                    inFlight.decrementAndGet();
                    if (failure != null) {
                        throw new IllegalStateException("journey " + requested.journeyId()
                                + " not accepted by the broker", failure);
                    }
                    metrics.started(requested, start);
                    return null;
                });
    }
}

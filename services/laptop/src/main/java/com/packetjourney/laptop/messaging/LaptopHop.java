package com.packetjourney.laptop.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.metrics.HopMetrics;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    @Channel("journey-requested")
    Emitter<Record<String, String>> emitter;
    @Inject
    HopMetrics metrics;

    /**
     * Sends the event; the stage completes once the broker has acknowledged it, so an accepted request is a journey
     * that will happen. No thread waits meanwhile.
     *
     * @return a stage that fails with IllegalStateException if the broker did not take it
     */
    public CompletionStage<Void> emit(HopEvent requested) {
        long start = System.nanoTime();
        // an emitter whose buffer overflows fails for good: refuse before that, the caller says "retry"
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT || !emitter.hasRequests()) {
            inFlight.decrementAndGet();
            throw new BrokerBusyException(MAX_IN_FLIGHT);
        }
        return emitter.send(Record.of(requested.journeyId(), Json.write(requested)))
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

package com.packetjourney.laptop.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.metrics.HopMetrics;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** → journey-requested: the journey's first event, keyed by journey id so all its hops share a partition number. */
@ApplicationScoped
public class LaptopHop {
    private static final long ACK_TIMEOUT_SECONDS = 30;

    @Inject
    @Channel("journey-requested")
    Emitter<Record<String, String>> emitter;
    @Inject
    HopMetrics metrics;

    /**
     * Sends the event and returns once the broker has acknowledged it, so an accepted request is a journey that
     * will happen.
     *
     * @throws IllegalStateException if the broker did not take it
     */
    public void emit(HopEvent requested) {
        long start = System.nanoTime();
        try {
            emitter.send(Record.of(requested.journeyId(), Json.write(requested)))
                    .toCompletableFuture().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("journey " + requested.journeyId() + " not accepted by the broker", e);
        }
        metrics.started(requested, start);
    }
}

package com.packetjourney.hop;

import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.metrics.HopMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What every hop service does with a record of its input topic, so that its own code is only the hop's
 * computation: read the envelope as the chain's previous hop ({@link HopEnvelope}), skip a journey that already
 * failed upstream, compute the next event, record the hop's metrics, and write the event keyed by journey id. A
 * record that cannot be read, or whose computation throws, is counted and rethrown, so that the messaging layer
 * sends it to the service's dead-letter topic with the reason.
 */
public final class HopProcessor {
    private final HopType input;
    private final HopMetrics metrics;
    private final UnaryOperator<HopEvent> compute;
    private final Consumer<HopEvent> onEmitted;

    private HopProcessor(HopType input, HopMetrics metrics, UnaryOperator<HopEvent> compute,
                         Consumer<HopEvent> onEmitted) {
        this.input = input;
        this.metrics = metrics;
        this.compute = compute;
        this.onEmitted = onEmitted;
    }

    /**
     * The processor of {@code hop}, whose events {@code compute} makes from those of the hop before it in the
     * chain; only events that are still OK reach {@code compute}.
     */
    public static HopProcessor of(HopType hop, MeterRegistry registry, UnaryOperator<HopEvent> compute) {
        HopType input = HopChain.STANDARD.previous(hop.number()).map(d -> HopType.ofNumber(d.number()))
                .orElseThrow(() -> new IllegalArgumentException(hop.wireName() + " reads no hop: it starts journeys"));
        return new HopProcessor(input, new HopMetrics(registry, hop), compute, e -> { });
    }

    /** The same processor, with {@code observer} seeing every event emitted (a service's own metrics or notes). */
    public HopProcessor observedBy(Consumer<HopEvent> observer) {
        return new HopProcessor(input, metrics, compute, onEmitted.andThen(observer));
    }

    /** The next event for one input record; null when the journey already failed upstream (nothing to write). */
    public Record<String, byte[]> process(byte[] value) {
        HopEvent out = next(value);
        return out == null ? null : Record.of(out.journeyId(), Json.writeBytes(out));
    }

    /** As {@link #process}, the event itself. */
    public HopEvent next(byte[] value) {
        long start = System.nanoTime();
        HopEvent in;
        try {
            in = HopEnvelope.read(value, input);
        } catch (UnreadableEventException e) {
            metrics.unreadable(start);
            throw e;
        }
        if (!in.outcome().isOk()) {
            return metrics.recorded(null, start);
        }
        HopEvent out;
        try {
            out = compute.apply(in);
        } catch (RuntimeException e) {
            metrics.error(start);
            throw e;
        }
        metrics.recorded(out, start);
        if (out != null) {
            onEmitted.accept(out);
        }
        return out;
    }
}

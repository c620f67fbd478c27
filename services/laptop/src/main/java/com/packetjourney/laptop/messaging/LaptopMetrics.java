package com.packetjourney.laptop.messaging;

import com.packetjourney.contracts.HopType;
import com.packetjourney.metrics.HopMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The laptop's metrics: journeys started and its hop, as every hop records them (see {@link HopMetrics}). */
@ApplicationScoped
public class LaptopMetrics {
    @Produces
    @Singleton
    HopMetrics hopMetrics(MeterRegistry registry) {
        return new HopMetrics(registry, HopType.JOURNEY_REQUESTED);
    }
}

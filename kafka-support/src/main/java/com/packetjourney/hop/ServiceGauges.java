package com.packetjourney.hop;

import com.packetjourney.metrics.StateGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.function.Supplier;

/** The service's {@link StateGauges}, labelled with its name, refreshed while it runs and stopped with it. */
@Singleton
public class ServiceGauges {
    private final StateGauges gauges;

    ServiceGauges(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.gauges = new StateGauges(registry, service).start();
    }

    /** A gauge with one series per entry {@code read} returns (see {@link StateGauges#gauge}), read at once. */
    public ServiceGauges gauge(String name, String description, Supplier<Map<Tags, ? extends Number>> read) {
        gauges.gauge(name, description, read).refresh();
        return this;
    }

    @PreDestroy
    void close() {
        gauges.close();
    }
}

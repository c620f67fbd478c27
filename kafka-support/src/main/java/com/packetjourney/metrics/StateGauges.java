package com.packetjourney.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Gauges over a service's state whose label values come and go with the world (DHCP pools, nodes, target groups,
 * autonomous systems). Every family is re-read from the state every {@link #REFRESH} on one daemon thread, so a
 * scrape never waits on the service's lock; a label value that left the world leaves the metric.
 */
public final class StateGauges implements AutoCloseable {
    public static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(StateGauges.class);

    private final MeterRegistry registry;
    private final String service;
    private final List<Family> families = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;

    public StateGauges(MeterRegistry registry, String service) {
        this.registry = registry;
        this.service = service;
    }

    /** A gauge named {@code name} with one series per entry {@code read} returns, labelled by its tags and the service. */
    public StateGauges gauge(String name, String description, Supplier<Map<Tags, ? extends Number>> read) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).tag(Labels.SERVICE, service)
                .register(registry);
        families.add(new Family(name, gauge, read));
        return this;
    }

    /** Reads every family now, then every {@link #REFRESH}. */
    public StateGauges start() {
        refresh();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, service + "-state-gauges");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public void refresh() {
        for (Family family : families) {
            try {
                family.refresh();
            } catch (RuntimeException e) {
                // A state that cannot be read right now keeps its last reading; the next refresh tries again.
                LOG.warnf("gauge %s not refreshed: %s", family.name, e);
            }
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private static final class Family {
        private final String name;
        private final MultiGauge gauge;
        private final Supplier<Map<Tags, ? extends Number>> read;
        private volatile Map<Tags, Double> values = Map.of();

        Family(String name, MultiGauge gauge, Supplier<Map<Tags, ? extends Number>> read) {
            this.name = name;
            this.gauge = gauge;
            this.read = read;
        }

        void refresh() {
            Map<Tags, Double> next = new HashMap<>();
            read.get().forEach((tags, value) -> next.put(tags, value.doubleValue()));
            values = next;
            gauge.register(next.keySet().stream()
                    .map(tags -> MultiGauge.Row.of(tags, this, f -> f.values.getOrDefault(tags, Double.NaN)))
                    .toList(), false);
        }
    }
}

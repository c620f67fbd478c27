package com.packetjourney.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateGaugesTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Map<Tags, Integer> free = new LinkedHashMap<>();
    final StateGauges gauges = new StateGauges(registry, "node-cni")
            .gauge("pj.cni.free.ips", "Warm IPs", () -> Map.copyOf(free));

    @Test
    void seriesFollowTheStateAtEachRefresh() {
        free.put(Tags.of("node", "ip-10-0-1-17"), 12);
        free.put(Tags.of("node", "ip-10-0-33-5"), 9);
        gauges.refresh();
        assertThat(value("ip-10-0-1-17")).isEqualTo(12);
        assertThat(value("ip-10-0-33-5")).isEqualTo(9);

        free.put(Tags.of("node", "ip-10-0-1-17"), 11);
        free.remove(Tags.of("node", "ip-10-0-33-5"));
        gauges.refresh();
        assertThat(value("ip-10-0-1-17")).isEqualTo(11);
        assertThat(registry.find("pj.cni.free.ips").tag("node", "ip-10-0-33-5").gauge()).isNull();
    }

    @Test
    void everySeriesIsLabelledWithTheService() {
        free.put(Tags.of("node", "ip-10-0-1-17"), 12);
        gauges.refresh();
        assertThat(registry.get("pj.cni.free.ips").gauge().getId().getTag(Labels.SERVICE)).isEqualTo("node-cni");
    }

    @Test
    void aStateThatCannotBeReadKeepsTheLastReading() {
        free.put(Tags.of("node", "ip-10-0-1-17"), 12);
        gauges.gauge("pj.broken", "fails", () -> {
            throw new IllegalStateException("not yet");
        });
        gauges.refresh();
        assertThat(value("ip-10-0-1-17")).isEqualTo(12);
    }

    private double value(String node) {
        Gauge gauge = registry.get("pj.cni.free.ips").tag("node", node).gauge();
        return gauge.value();
    }
}

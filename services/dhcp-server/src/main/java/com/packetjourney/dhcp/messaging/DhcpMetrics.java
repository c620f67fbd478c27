package com.packetjourney.dhcp.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.dhcp.service.DhcpService;
import com.packetjourney.metrics.Labels;
import io.micrometer.core.instrument.Counter;
import com.packetjourney.hop.ServiceGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import io.micrometer.core.instrument.Tags;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The DHCP server's own metrics (its hop's are {@link com.packetjourney.metrics.HopMetrics}): configurations by mode
 * ({@code pj_dhcp_configurations_total{mode}}: a full DORA exchange, a still-valid lease, a renewal, no offer), and
 * each pool's addresses in use and free ({@code pj_dhcp_pool_addresses{pool,state}}). Leases are counted at the
 * simulated instant of the latest journey served; before any, every binding held counts as in use.
 */
@Startup
@Singleton
public class DhcpMetrics {
    private final MeterRegistry registry;
    private volatile Instant simulatedNow = Instant.MIN;

    DhcpMetrics(MeterRegistry registry, ServiceGauges gauges, DhcpService service) {
        this.registry = registry;
        gauges.gauge("pj.dhcp.pool.addresses", "Addresses of each DHCP pool, bound to a client or free",
                () -> addresses(service.usage(simulatedNow)));
    }

    void onConfigured(HopEvent out) {
        simulatedNow = out.simEndedAt();
        if (out.payload() instanceof DhcpConfigured dhcp && dhcp.mode() != null) {
            Counter.builder("pj.dhcp.configurations").description("Network configurations given, by DHCP mode")
                    .tags(Labels.SERVICE, HopType.DHCP_CONFIGURED.service(), "mode", dhcp.mode())
                    .register(registry).increment();
        }
    }

    private static Map<Tags, Integer> addresses(Map<String, int[]> usage) {
        Map<Tags, Integer> rows = new HashMap<>();
        usage.forEach((pool, inUseAndFree) -> {
            rows.put(Tags.of("pool", pool, "state", "in_use"), inUseAndFree[0]);
            rows.put(Tags.of("pool", pool, "state", "free"), inUseAndFree[1]);
        });
        return rows;
    }
}

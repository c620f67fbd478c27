package com.packetjourney.dhcp.messaging;

import com.packetjourney.contracts.HopType;
import com.packetjourney.dhcp.service.DhcpService;
import com.packetjourney.hop.HopProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** journey-requested → dhcp. The input is paused until the world has been read (see {@link DhcpWorld}). */
@ApplicationScoped
public class DhcpHop {
    static final String INPUT = "journey-requested";

    private final HopProcessor hop;

    DhcpHop(DhcpService service, DhcpMetrics metrics, MeterRegistry registry) {
        this.hop = HopProcessor.of(HopType.DHCP_CONFIGURED, registry, service::configure)
                .observedBy(metrics::onConfigured);
    }

    @Incoming(INPUT)
    @Outgoing("dhcp")
    public Record<String, byte[]> onJourneyRequested(byte[] record) {
        return hop.process(record);
    }
}

package com.packetjourney.bgp.messaging;

import com.packetjourney.bgp.service.RoutingService;
import com.packetjourney.contracts.HopType;
import com.packetjourney.hop.HopProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** dns → route. The input is paused until the world has been read (see {@link RoutingWorld}). */
@ApplicationScoped
public class RouteHop {
    static final String INPUT = "dns";

    private final HopProcessor hop;

    RouteHop(RoutingService service, MeterRegistry registry) {
        this.hop = HopProcessor.of(HopType.PACKET_ROUTED, registry, service::handle);
    }

    @Incoming(INPUT)
    @Outgoing("route")
    public Record<String, byte[]> onDnsResolved(byte[] record) {
        return hop.process(record);
    }
}

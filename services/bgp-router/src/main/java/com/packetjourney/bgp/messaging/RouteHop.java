package com.packetjourney.bgp.messaging;

import com.packetjourney.bgp.service.RoutingService;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.metrics.HopMetrics;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** dns → route: a record that cannot be read fails here and goes to the dead-letter topic. */
@ApplicationScoped
public class RouteHop {
    /** Paused until the world has been read (see {@link RoutingWorld}): the hop is pure computation, on the event loop. */
    static final String INPUT = "dns";

    @Inject
    RoutingService service;
    @Inject
    HopMetrics metrics;

    @Incoming(INPUT)
    @Outgoing("route")
    public Record<String, String> onDnsResolved(byte[] json) {
        HopEvent out = metrics.record(json, service::handle);
        return out == null ? null : Record.of(out.journeyId(), Json.write(out));
    }
}

package com.packetjourney.bgp.messaging;

import com.packetjourney.bgp.service.RoutingService;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.metrics.HopMetrics;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** dns → route: a record that cannot be read fails here and goes to the dead-letter topic. */
@ApplicationScoped
public class RouteHop {
    @Inject
    RoutingService service;
    @Inject
    RoutingWorld world;
    @Inject
    HopMetrics metrics;

    @Incoming("dns")
    @Outgoing("route")
    @Blocking
    public Record<String, String> onDnsResolved(String json) {
        world.awaitCaughtUp();
        HopEvent out = metrics.record(json, service::handle);
        return out == null ? null : Record.of(out.journeyId(), Json.write(out));
    }
}

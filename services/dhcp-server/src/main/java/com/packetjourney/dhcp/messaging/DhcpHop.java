package com.packetjourney.dhcp.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.dhcp.service.DhcpService;
import com.packetjourney.metrics.HopMetrics;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** journey-requested → dhcp: a record that cannot be read fails here and goes to the dead-letter topic. */
@ApplicationScoped
public class DhcpHop {
    @Inject
    DhcpService service;
    @Inject
    DhcpWorld world;
    @Inject
    HopMetrics metrics;

    @Incoming("journey-requested")
    @Outgoing("dhcp")
    @Blocking
    public Record<String, String> onJourneyRequested(String json) {
        world.awaitCaughtUp();
        HopEvent out = metrics.record(json, service::configure);
        return out == null ? null : Record.of(out.journeyId(), Json.write(out));
    }
}

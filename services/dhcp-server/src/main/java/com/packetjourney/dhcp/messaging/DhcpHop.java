package com.packetjourney.dhcp.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.dhcp.service.DhcpService;
import com.packetjourney.metrics.HopMetrics;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** journey-requested → dhcp: a record that cannot be read fails here and goes to the dead-letter topic. */
@ApplicationScoped
public class DhcpHop {
    /** Paused until the world has been read (see {@link DhcpWorld}): the hop is pure computation, on the event loop. */
    static final String INPUT = "journey-requested";

    @Inject
    DhcpService service;
    @Inject
    HopMetrics metrics;

    @Incoming(INPUT)
    @Outgoing("dhcp")
    public Record<String, String> onJourneyRequested(byte[] json) {
        HopEvent out = metrics.record(json, service::configure);
        return out == null ? null : Record.of(out.journeyId(), Json.write(out));
    }
}

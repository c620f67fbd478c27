package com.packetjourney.alb.messaging;

import com.packetjourney.alb.service.AlbService;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.metrics.HopMetrics;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** route → alb: a record that cannot be read fails here and goes to the dead-letter topic. */
@ApplicationScoped
public class AlbHop {
    /** Paused until the world has been read (see {@link AlbWorld}): the hop is pure computation, on the event loop. */
    static final String INPUT = "route";

    @Inject
    AlbService service;
    @Inject
    HopMetrics metrics;

    @Incoming(INPUT)
    @Outgoing("alb")
    public Record<String, String> onPacketRouted(byte[] json) {
        HopEvent out = metrics.record(json, service::handle);
        return out == null ? null : Record.of(out.journeyId(), Json.write(out));
    }
}

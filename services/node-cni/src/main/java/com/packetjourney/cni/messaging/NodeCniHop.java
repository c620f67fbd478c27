package com.packetjourney.cni.messaging;

import com.packetjourney.cni.service.NodeCniService;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.metrics.HopMetrics;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** alb → pod: a record that cannot be read fails here and goes to the dead-letter topic. */
@ApplicationScoped
public class NodeCniHop {
    /** Paused until the world has been read (see {@link NodeCniWorld}): the hop is pure computation, on the event loop. */
    static final String INPUT = "alb";

    @Inject
    NodeCniService service;
    @Inject
    HopMetrics metrics;

    @Incoming(INPUT)
    @Outgoing("pod")
    public Record<String, String> onAlbForwarded(byte[] json) {
        HopEvent out = metrics.record(json, service::handle);
        return out == null ? null : Record.of(out.journeyId(), Json.write(out));
    }
}

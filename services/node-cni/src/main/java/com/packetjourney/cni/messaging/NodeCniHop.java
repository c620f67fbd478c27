package com.packetjourney.cni.messaging;

import com.packetjourney.cni.service.NodeCniService;
import com.packetjourney.contracts.HopType;
import com.packetjourney.hop.HopProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** alb → pod. The input is paused until the world has been read (see {@link NodeCniWorld}). */
@ApplicationScoped
public class NodeCniHop {
    static final String INPUT = "alb";

    private final HopProcessor hop;

    NodeCniHop(NodeCniService service, MeterRegistry registry) {
        this.hop = HopProcessor.of(HopType.POD_RESPONDED, registry, service::handle);
    }

    @Incoming(INPUT)
    @Outgoing("pod")
    public Record<String, byte[]> onAlbForwarded(byte[] record) {
        return hop.process(record);
    }
}

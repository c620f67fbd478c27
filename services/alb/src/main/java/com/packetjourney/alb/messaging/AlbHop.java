package com.packetjourney.alb.messaging;

import com.packetjourney.alb.service.AlbService;
import com.packetjourney.contracts.HopType;
import com.packetjourney.hop.HopEnvelope;
import com.packetjourney.hop.HopProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * route → alb, and the return leg: the pod's response comes back through the ALB, which then stops counting the
 * request as outstanding on its target. The hop's input is paused until the world has been read (see
 * {@link AlbWorld}); a record that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class AlbHop {
    static final String INPUT = "route";

    private final AlbService service;
    private final HopProcessor hop;

    AlbHop(AlbService service, MeterRegistry registry) {
        this.service = service;
        this.hop = HopProcessor.of(HopType.ALB_FORWARDED, registry, service::handle);
    }

    @Incoming(INPUT)
    @Outgoing("alb")
    public Record<String, byte[]> onPacketRouted(byte[] record) {
        return hop.process(record);
    }

    @Incoming("pod")
    public void onPodResponded(byte[] record) {
        service.onPodResponded(HopEnvelope.read(record, HopType.POD_RESPONDED));
    }
}

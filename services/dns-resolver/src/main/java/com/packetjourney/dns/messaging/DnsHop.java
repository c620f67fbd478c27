package com.packetjourney.dns.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.dns.service.DnsService;
import com.packetjourney.metrics.HopMetrics;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** dhcp → dns: a record that cannot be read fails here and goes to the dead-letter topic. */
@ApplicationScoped
public class DnsHop {
    /** Paused until the world has been read (see {@link DnsWorld}): the hop is pure computation, on the event loop. */
    static final String INPUT = "dhcp";

    @Inject
    DnsService service;
    @Inject
    DnsWorld world;
    @Inject
    HopMetrics metrics;

    @Incoming(INPUT)
    @Outgoing("dns")
    public Record<String, String> onDhcpConfigured(byte[] json) {
        HopEvent out = metrics.record(json, service::handle);
        if (out == null) {
            return null;
        }
        world.writtenHere(out.journeyId());
        return Record.of(out.journeyId(), Json.write(out));
    }
}

package com.packetjourney.dns.messaging;

import com.packetjourney.contracts.HopType;
import com.packetjourney.dns.service.DnsService;
import com.packetjourney.hop.HopProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * dhcp → dns. The input is paused until the world and the resolver's own past hops have been read (see
 * {@link DnsWorld}); each event written is noted so that reading it back does not apply its cache fills twice.
 */
@ApplicationScoped
public class DnsHop {
    static final String INPUT = "dhcp";

    private final HopProcessor hop;

    DnsHop(DnsService service, DnsWorld world, DnsMetrics metrics, MeterRegistry registry) {
        this.hop = HopProcessor.of(HopType.DNS_RESOLVED, registry, service::handle)
                .observedBy(metrics::onResolved)
                .observedBy(out -> world.writtenHere(out.journeyId()));
    }

    @Incoming(INPUT)
    @Outgoing("dns")
    public Record<String, byte[]> onDhcpConfigured(byte[] record) {
        return hop.process(record);
    }
}

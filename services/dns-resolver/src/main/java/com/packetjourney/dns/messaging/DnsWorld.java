package com.packetjourney.dns.messaging;

import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DnsCacheFlush;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.dns.service.DnsService;
import com.packetjourney.hop.HopEnvelope;
import com.packetjourney.hop.WorldFeed;
import com.packetjourney.kafka.HopInput;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.kafka.World;
import com.packetjourney.kafka.WrittenHere;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * What the resolver reads (from the beginning on every start): the zones and their servers, the clients and LANs
 * that say which resolver a laptop's queries go to, the cache flushes, and its own DNS hops, whose cache fills
 * rebuild the caches. Its hop waits until all of it has been read up to where it stood at start.
 */
@ApplicationScoped
public class DnsWorld {
    private final DnsService service;
    private final ChannelRegistry channels;
    private final KeyedWriter writer;
    private final String bootstrapServers;
    private final WrittenHere writtenHere = new WrittenHere();
    private WorldFeed feed;
    private TopicTail ownHops;

    DnsWorld(DnsService service, ChannelRegistry channels, KeyedWriter writer,
             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.service = service;
        this.channels = channels;
        this.writer = writer;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        // the hop's input resumes once both the world and the resolver's own past hops (its caches) are read
        Runnable resume = HopInput.resumerAfter(2, channels, DnsHop.INPUT);
        feed = WorldFeed.start("dns-resolver", bootstrapServers, World.subscriptions()
                        .on(Topics.WORLD_SIMULATION, Simulation.class, service.simulation())
                        .on(Topics.WORLD_DNS_ZONES, DnsZone.class, service.zones()::onZone)
                        .on(Topics.WORLD_CLIENTS, ClientDevice.class, service.clients())
                        .on(Topics.WORLD_LANS, LanSegment.class, service.lans())
                        .on(Topics.WORLD_DNS_CACHE_FLUSHES, DnsCacheFlush.class, service::onCacheFlush),
                resume, writer);
        // after start-up this only brings other instances' hops: fetched in batches
        ownHops = TopicTail.reading("dns-resolver-hops", bootstrapServers).topics(List.of(Topics.DNS))
                .consumerConfig(TopicTail.BATCHED_FETCH)
                .handler(r -> {
                    // this instance's own hops are in its caches already: no second parse
                    if (r.value() != null && !writtenHere.readBack(r.key())) {
                        service.onOwnHop(HopEnvelope.read(r.value(), HopType.DNS_RESOLVED));
                    }
                })
                .onCaughtUp(resume).start();
    }

    /** Notes that this instance's hop event for the journey, about to be written, is already in its caches. */
    public void writtenHere(String journeyId) {
        writtenHere.note(journeyId);
    }

    public WorldFeed feed() {
        return feed;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (feed != null) {
            feed.close();
        }
        if (ownHops != null) {
            ownHops.close();
        }
    }
}

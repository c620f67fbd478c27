package com.packetjourney.dns.messaging;

import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.DnsCacheFlush;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.dns.service.DnsService;
import com.packetjourney.hop.HopEnvelope;
import com.packetjourney.hop.WorldFeeds;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.kafka.World;
import com.packetjourney.kafka.WrittenHere;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What the resolver reads (from the beginning on every start): the zones and their servers, the clients and LANs
 * that say which resolver a laptop's queries go to, the cache flushes, and its own DNS hops, whose cache fills
 * rebuild the caches. Its hop waits until all of it has been read up to where it stood at start.
 */
@Startup
@Singleton
public class DnsWorld {
    private final WrittenHere writtenHere = new WrittenHere();

    DnsWorld(DnsService service, WorldFeeds feeds) {
        // the hop's input resumes once both the world and the resolver's own past hops (its caches) are read
        Runnable resume = feeds.resumeAfter(2, DnsHop.INPUT);
        feeds.start(service.world().subscribedIn(World.subscriptions())
                        .on(Topics.WORLD_DNS_ZONES, DnsZone.class, service::onZone)
                        .on(Topics.WORLD_DNS_CACHE_FLUSHES, DnsCacheFlush.class, service::onCacheFlush),
                resume);
        // after start-up this only brings other instances' hops: fetched in batches
        feeds.started(TopicTail.reading("dns-resolver-hops", feeds.bootstrapServers()).topics(List.of(Topics.DNS))
                .consumerConfig(TopicTail.BATCHED_FETCH)
                .handler(r -> {
                    // this instance's own hops are in its caches already: no second parse
                    if (r.value() != null && !writtenHere.readBack(r.key())) {
                        service.onOwnHop(HopEnvelope.read(r.value(), HopType.DNS_RESOLVED));
                    }
                })
                .onCaughtUp(resume));
    }

    /** Notes that this instance's hop event for the journey, about to be written, is already in its caches. */
    public void writtenHere(String journeyId) {
        writtenHere.note(journeyId);
    }
}

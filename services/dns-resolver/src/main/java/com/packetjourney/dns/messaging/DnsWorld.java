package com.packetjourney.dns.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DnsCacheFlush;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.dns.service.DnsService;
import com.packetjourney.kafka.HopInput;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.kafka.WrittenHere;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feeds the DNS service from the world topics (read from the beginning on every start): the zones and their
 * servers, the clients and LANs that say which resolver a laptop's queries go to, the cache flushes, and this
 * service's own DNS hops, whose cache fills rebuild the caches. Hops wait until all of it has been read up to
 * where it stood at start. Zone edits and flushes made through REST are written here.
 */
@ApplicationScoped
public class DnsWorld {
    @Inject
    ChannelRegistry channels;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final WrittenHere writtenHere = new WrittenHere();
    private TopicTail tail;
    private TopicTail ownHops;
    private KeyedWriter writer;

    @Produces
    @Singleton
    DnsService dnsService() {
        return new DnsService(Clock.systemUTC());
    }

    void onStart(@Observes StartupEvent event, DnsService service) {
        writer = new KeyedWriter(bootstrapServers, "dns-resolver-world");
        // the hop's input resumes once both the world and the resolver's own past hops (its caches) are read
        AtomicInteger reading = new AtomicInteger(2);
        Runnable resume = HopInput.resumer(channels, DnsHop.INPUT);
        Runnable oneCaughtUp = () -> {
            if (reading.decrementAndGet() == 0) {
                resume.run();
            }
        };
        tail = new TopicTail("dns-resolver", bootstrapServers, List.of(Topics.WORLD_SIMULATION,
                Topics.WORLD_DNS_ZONES, Topics.WORLD_CLIENTS, Topics.WORLD_LANS, Topics.WORLD_DNS_CACHE_FLUSHES),
                (topic, key, value) -> {
            switch (topic) {
                case Topics.WORLD_SIMULATION -> service.onSimulation(value == null ? null : Json.read(value, Simulation.class));
                case Topics.WORLD_DNS_ZONES -> service.onZone(key, value == null ? null : Json.read(value, DnsZone.class));
                case Topics.WORLD_CLIENTS -> service.onClient(key, value == null ? null : Json.read(value, ClientDevice.class));
                case Topics.WORLD_LANS -> service.onLan(key, value == null ? null : Json.read(value, LanSegment.class));
                case Topics.WORLD_DNS_CACHE_FLUSHES -> service.onCacheFlush(key,
                        value == null ? null : Json.read(value, DnsCacheFlush.class));
                default -> { }
            }
        }).onCaughtUp(oneCaughtUp).start();
        // after start-up this only brings other instances' hops: fetched in batches
        ownHops = new TopicTail("dns-resolver-hops", bootstrapServers, List.of(Topics.DNS), TopicTail.BATCHED_FETCH,
                (topic, key, value) -> {
                    // this instance's own hops are in its caches already: no second parse
                    if (value != null && !writtenHere.readBack(key)) {
                        service.onOwnHop(Json.read(value, HopEvent.class));
                    }
                }).onCaughtUp(oneCaughtUp).start();
    }

    /** Notes that this instance's hop event for the journey, about to be written, is already in its caches. */
    public void writtenHere(String journeyId) {
        writtenHere.note(journeyId);
    }

    /** Blocks until the world as it stood at start has been applied. */
    public void awaitCaughtUp() {
        tail.awaitCaughtUpOrFail();
        ownHops.awaitCaughtUpOrFail();
    }

    /** Writes a world record and returns once the broker has it. */
    public void publish(String topic, String key, Object value) {
        writer.sendAndWait(topic, key, value);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (tail != null) {
            tail.close();
        }
        if (ownHops != null) {
            ownHops.close();
        }
        if (writer != null) {
            writer.close();
        }
    }
}

package com.packetjourney.laptop.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.hop.HopEnvelope;
import com.packetjourney.hop.WorldFeed;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.kafka.World;
import com.packetjourney.kafka.WrittenHere;
import com.packetjourney.laptop.service.LaptopService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the laptop reads (from the beginning on every start): the simulation's settings, the known devices, and the
 * journey-requested log, whose journeys set each device's simulated clock.
 */
@ApplicationScoped
public class LaptopWorld {
    private final LaptopService service;
    private final String bootstrapServers;
    private final WrittenHere writtenHere = new WrittenHere();
    private WorldFeed feed;
    private TopicTail journeys;

    LaptopWorld(LaptopService service, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.service = service;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        feed = WorldFeed.start("laptop", bootstrapServers, World.subscriptions()
                .on(Topics.WORLD_SIMULATION, Simulation.class, service.simulation())
                .on(Topics.WORLD_CLIENTS, ClientDevice.class, service.clients()), () -> { }, null);
        // the clocks are rebuilt from the journeys started; after that it only brings other instances' journeys
        journeys = TopicTail.reading("laptop-journeys", bootstrapServers)
                .topics(java.util.List.of(Topics.JOURNEY_REQUESTED))
                .consumerConfig(TopicTail.BATCHED_FETCH)
                .handler(r -> {
                    // journeys this instance started are on its clocks already: no second parse
                    if (r.value() != null && !writtenHere.readBack(r.key())) {
                        HopEvent started = HopEnvelope.read(r.value(), HopType.JOURNEY_REQUESTED);
                        service.onJourneyStarted(started);
                    }
                })
                .start();
    }

    /** Notes that the journey this instance is about to write is applied to its clocks here. */
    public void writtenHere(String journeyId) {
        writtenHere.note(journeyId);
    }

    /** Whether the world and the journeys started, as they stood at start, have been applied. */
    public boolean isCaughtUp() {
        return feed.isCaughtUp() && journeys.isCaughtUp();
    }

    /** Blocks until the world and the journeys started, as they stood at start, have been applied. */
    public void awaitCaughtUp() {
        feed.awaitCaughtUp();
        journeys.awaitCaughtUpOrFail();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (feed != null) {
            feed.close();
        }
        if (journeys != null) {
            journeys.close();
        }
    }
}

package com.packetjourney.laptop.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.kafka.WrittenHere;
import com.packetjourney.laptop.service.LaptopService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Feeds the laptop from the world topics (the simulation's settings and the known devices) and from the
 * journey-requested log (the journeys each device started, which set its simulated clock), all read from the
 * beginning.
 */
@ApplicationScoped
public class LaptopWorld {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final WrittenHere writtenHere = new WrittenHere();
    private TopicTail tail;
    private TopicTail ownHops;

    @Produces
    @Singleton
    LaptopService laptopService() {
        return new LaptopService(Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    void onStart(@Observes StartupEvent event, LaptopService service) {
        tail = new TopicTail("laptop", bootstrapServers, List.of(Topics.WORLD_SIMULATION, Topics.WORLD_CLIENTS),
                (topic, key, value) -> {
                    switch (topic) {
                        case Topics.WORLD_SIMULATION ->
                                service.onSimulation(value == null ? null : Json.read(value, Simulation.class));
                        case Topics.WORLD_CLIENTS ->
                                service.onClient(key, value == null ? null : Json.read(value, ClientDevice.class));
                        default -> { }
                    }
                }).start();
        // the clocks are rebuilt from the journeys started; after that it only brings other instances' journeys
        ownHops = new TopicTail("laptop-journeys", bootstrapServers, List.of(Topics.JOURNEY_REQUESTED),
                TopicTail.BATCHED_FETCH, (topic, key, value) -> {
                    // journeys this instance started are on its clocks already: no second parse
                    if (value != null && !writtenHere.readBack(key)) {
                        service.onJourneyStarted(Json.read(value, HopEvent.class));
                    }
                }).start();
    }

    /** Notes that the journey this instance is about to write is applied to its clocks here. */
    public void writtenHere(String journeyId) {
        writtenHere.note(journeyId);
    }

    /** Whether the world and the journeys started, as they stood at start, have been applied. */
    public boolean isCaughtUp() {
        return tail.isCaughtUp() && ownHops.isCaughtUp();
    }

    /** Blocks until the world and the journeys started, as they stood at start, have been applied. */
    public void awaitCaughtUp() {
        tail.awaitCaughtUpOrFail();
        ownHops.awaitCaughtUpOrFail();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (tail != null) {
            tail.close();
        }
        if (ownHops != null) {
            ownHops.close();
        }
    }
}

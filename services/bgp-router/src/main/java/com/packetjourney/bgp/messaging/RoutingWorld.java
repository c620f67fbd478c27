package com.packetjourney.bgp.messaging;

import com.packetjourney.bgp.service.RoutingService;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.kafka.HopInput;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.TopicTail;
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

/**
 * Feeds the routing service from the world topics (read from the beginning on every start): the simulation seed,
 * the clients and their LANs, and the autonomous systems; writes the AS records the REST world changes make. Hops
 * wait until the world has been read up to where it stood at start.
 */
@ApplicationScoped
public class RoutingWorld {
    @Inject
    ChannelRegistry channels;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicTail tail;
    private KeyedWriter writer;

    @Produces
    @Singleton
    RoutingService routingService() {
        return new RoutingService(Clock.systemUTC());
    }

    void onStart(@Observes StartupEvent event, RoutingService service) {
        writer = new KeyedWriter(bootstrapServers, "bgp-router-world");
        tail = new TopicTail("bgp-router", bootstrapServers, List.of(Topics.WORLD_SIMULATION, Topics.WORLD_CLIENTS,
                Topics.WORLD_LANS, Topics.WORLD_AUTONOMOUS_SYSTEMS), (topic, key, value) -> {
            switch (topic) {
                case Topics.WORLD_SIMULATION -> service.onSimulation(value == null ? null : Json.read(value, Simulation.class));
                case Topics.WORLD_CLIENTS -> service.onClient(key, value == null ? null : Json.read(value, ClientDevice.class));
                case Topics.WORLD_LANS -> service.onLan(key, value == null ? null : Json.read(value, LanSegment.class));
                case Topics.WORLD_AUTONOMOUS_SYSTEMS -> service.onAutonomousSystem(key,
                        value == null ? null : Json.read(value, AutonomousSystem.class));
                default -> { }
            }
        }).onCaughtUp(HopInput.resumer(channels, RouteHop.INPUT)).start();
    }

    /**
     * Writes a changed AS record to its world topic and returns once the broker has it; the routing service
     * reconverges when its tail reads it back, like every other world change.
     */
    public void publish(AutonomousSystem as) {
        writer.sendAndWait(Topics.WORLD_AUTONOMOUS_SYSTEMS, Scenario.asKey(as.asn()), as);
    }

    /** Blocks until the world as it stood at start has been applied. */
    public void awaitCaughtUp() {
        tail.awaitCaughtUpOrFail();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (tail != null) {
            tail.close();
        }
        if (writer != null) {
            writer.close();
        }
    }
}

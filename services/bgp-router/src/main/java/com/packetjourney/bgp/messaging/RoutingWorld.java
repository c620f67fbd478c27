package com.packetjourney.bgp.messaging;

import com.packetjourney.bgp.service.RoutingService;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.hop.WorldFeed;
import com.packetjourney.kafka.HopInput;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the router reads of the world (from the beginning on every start): the simulation, the clients and their
 * LANs, and the autonomous systems, which the REST world changes also write. Its hop waits until all of it has
 * been read up to where it stood at start.
 */
@ApplicationScoped
public class RoutingWorld {
    private final RoutingService service;
    private final ChannelRegistry channels;
    private final KeyedWriter writer;
    private final String bootstrapServers;
    private WorldFeed feed;

    RoutingWorld(RoutingService service, ChannelRegistry channels, KeyedWriter writer,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.service = service;
        this.channels = channels;
        this.writer = writer;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        feed = WorldFeed.start("bgp-router", bootstrapServers, World.subscriptions()
                        .on(Topics.WORLD_SIMULATION, Simulation.class, service.simulation())
                        .on(Topics.WORLD_CLIENTS, ClientDevice.class, service.clients())
                        .on(Topics.WORLD_LANS, LanSegment.class, service.lans())
                        .on(Topics.WORLD_AUTONOMOUS_SYSTEMS, AutonomousSystem.class, service::onAutonomousSystem),
                HopInput.resumer(channels, RouteHop.INPUT), writer);
    }

    public WorldFeed feed() {
        return feed;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (feed != null) {
            feed.close();
        }
    }
}

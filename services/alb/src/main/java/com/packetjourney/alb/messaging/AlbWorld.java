package com.packetjourney.alb.messaging;

import com.packetjourney.alb.service.AlbService;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.hop.WorldFeed;
import com.packetjourney.kafka.HopInput;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the ALB reads (from the beginning on every start): the simulation, the load balancers, and the controller's
 * configurations and target registrations. Its hop waits until all of it has been read up to where it stood.
 */
@ApplicationScoped
public class AlbWorld {
    private final AlbService service;
    private final ChannelRegistry channels;
    private final String bootstrapServers;
    private WorldFeed feed;

    AlbWorld(AlbService service, ChannelRegistry channels,
             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.service = service;
        this.channels = channels;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        feed = WorldFeed.start("alb", bootstrapServers, World.subscriptions()
                        .on(Topics.WORLD_SIMULATION, Simulation.class, service.simulation())
                        .on(Topics.WORLD_LOAD_BALANCERS, LoadBalancer.class, service.loadBalancers())
                        .on(Topics.ALB_CONFIG, AlbConfig.class, service.configs())
                        .on(Topics.ALB_TARGETS, TargetRegistration.class, service::onTarget),
                HopInput.resumer(channels, AlbHop.INPUT), null);
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

package com.packetjourney.alb.messaging;

import com.packetjourney.alb.service.AlbService;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.kafka.HopInput;
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
 * Feeds the ALB from the world topics and the controller's configurations and target registrations (read from
 * the beginning on every start). Hops wait until the world has been read up to where it stood at start.
 */
@ApplicationScoped
public class AlbWorld {
    @Inject
    ChannelRegistry channels;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicTail tail;

    @Produces
    @Singleton
    AlbService albService() {
        return new AlbService(Clock.systemUTC());
    }

    void onStart(@Observes StartupEvent event, AlbService service) {
        tail = new TopicTail("alb", bootstrapServers, List.of(Topics.WORLD_SIMULATION, Topics.WORLD_LOAD_BALANCERS,
                Topics.ALB_CONFIG, Topics.ALB_TARGETS), (topic, key, value) -> {
            switch (topic) {
                case Topics.WORLD_SIMULATION -> service.onSimulation(read(value, Simulation.class));
                case Topics.WORLD_LOAD_BALANCERS -> service.onLoadBalancer(key, read(value, LoadBalancer.class));
                case Topics.ALB_CONFIG -> service.onConfig(key, read(value, AlbConfig.class));
                case Topics.ALB_TARGETS -> service.onTarget(key, read(value, TargetRegistration.class));
                default -> { }
            }
        }).onCaughtUp(HopInput.resumer(channels, AlbHop.INPUT)).start();
    }

    private static <T> T read(byte[] value, Class<T> type) {
        return value == null ? null : Json.read(value, type);
    }

    /** Blocks until the world as it stood at start has been applied. */
    public void awaitCaughtUp() {
        tail.awaitCaughtUpOrFail();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (tail != null) {
            tail.close();
        }
    }
}

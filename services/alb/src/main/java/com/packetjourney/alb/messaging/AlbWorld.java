package com.packetjourney.alb.messaging;

import com.packetjourney.alb.service.AlbService;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.hop.WorldFeeds;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * What the ALB reads (from the beginning on every start): the simulation, the load balancers, and the controller's
 * configurations and target registrations. Its hop waits until all of it has been read up to where it stood.
 */
@Startup
@Singleton
public class AlbWorld {
    AlbWorld(AlbService service, WorldFeeds feeds) {
        feeds.start(service.world().subscribedIn(World.subscriptions())
                        .on(Topics.WORLD_LOAD_BALANCERS, LoadBalancer.class, service.loadBalancers())
                        .on(Topics.ALB_CONFIG, AlbConfig.class, service.configs())
                        .on(Topics.ALB_TARGETS, TargetRegistration.class, service::onTarget),
                feeds.resumeAfter(1, AlbHop.INPUT));
    }
}

package com.packetjourney.bgp.messaging;

import com.packetjourney.bgp.service.RoutingService;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.hop.WorldFeeds;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * What the router reads of the world (from the beginning on every start): the simulation, the clients and their
 * LANs, and the autonomous systems, which the REST world changes also write. Its hop waits until all of it has
 * been read up to where it stood at start.
 */
@Startup
@Singleton
public class RoutingWorld {
    RoutingWorld(RoutingService service, WorldFeeds feeds) {
        feeds.start(service.world().subscribedIn(World.subscriptions())
                        .on(Topics.WORLD_AUTONOMOUS_SYSTEMS, AutonomousSystem.class, service::onAutonomousSystem),
                feeds.resumeAfter(1, RouteHop.INPUT));
    }
}

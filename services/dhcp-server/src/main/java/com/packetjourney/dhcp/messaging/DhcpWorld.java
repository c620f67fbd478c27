package com.packetjourney.dhcp.messaging;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.DhcpLease;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.dhcp.service.DhcpService;
import com.packetjourney.hop.WorldFeeds;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * What the DHCP server reads of the world (from the beginning on every start): the simulation, the clients, the
 * LANs and its own lease log. Its hop waits until all of it has been read up to where it stood at start.
 */
@Startup
@Singleton
public class DhcpWorld {
    DhcpWorld(DhcpService service, WorldFeeds feeds) {
        feeds.start(service.world().subscribedIn(World.subscriptions())
                        .on(Topics.WORLD_LANS, LanSegment.class, service::onLan)
                        .on(Topics.DHCP_LEASES, DhcpLease.class, service::onLease),
                feeds.resumeAfter(1, DhcpHop.INPUT));
    }
}

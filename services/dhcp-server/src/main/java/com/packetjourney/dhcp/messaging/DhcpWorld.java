package com.packetjourney.dhcp.messaging;

import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DhcpLease;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.dhcp.service.DhcpService;
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
 * Feeds the DHCP service from the world topics (read from the beginning on every start) and writes its lease log
 * and the LAN records changed through REST.
 * Hops wait until the world has been read up to where it stood at start.
 */
@ApplicationScoped
public class DhcpWorld {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ChannelRegistry channels;

    private KeyedWriter writer;
    private TopicTail tail;
    private DhcpService service;

    @Produces
    @Singleton
    DhcpService dhcpService() {
        writer = new KeyedWriter(bootstrapServers, "dhcp-server-leases");
        service = new DhcpService(Clock.systemUTC(), lease -> writer.send(Topics.DHCP_LEASES, lease.key(), lease));
        return service;
    }

    void onStart(@Observes StartupEvent event, DhcpService service) {
        tail = new TopicTail("dhcp-server", bootstrapServers, List.of(Topics.WORLD_SIMULATION, Topics.WORLD_CLIENTS,
                Topics.WORLD_LANS, Topics.DHCP_LEASES), (topic, key, value) -> {
            switch (topic) {
                case Topics.WORLD_SIMULATION -> service.onSimulation(value == null ? null : Json.read(value, Simulation.class));
                case Topics.WORLD_CLIENTS -> service.onClient(key, value == null ? null : Json.read(value, ClientDevice.class));
                case Topics.WORLD_LANS -> service.onLan(key, value == null ? null : Json.read(value, LanSegment.class));
                case Topics.DHCP_LEASES -> service.onLease(key, value == null ? null : Json.read(value, DhcpLease.class));
                default -> { }
            }
        }).onCaughtUp(HopInput.resumer(channels, DhcpHop.INPUT)).start();
    }

    /** Writes a LAN record changed through REST to its world topic; the service takes it when its tail reads it back. */
    public void publishLan(LanSegment lan) {
        writer.sendAndWait(Topics.WORLD_LANS, lan.id(), lan);
    }

    /** Writes a device added through REST to the world's client topic; every service reads it from there. */
    public void publishClient(ClientDevice client) {
        writer.sendAndWait(Topics.WORLD_CLIENTS, client.name(), client);
    }

    /** Tombstones a released lease on the lease log; the address returns to the pool when the tail reads it back. */
    public void publishRelease(DhcpLease lease) {
        writer.sendAndWait(Topics.DHCP_LEASES, lease.key(), null);
    }

    /** Blocks until the world as it stood at start has been applied. */
    public void awaitCaughtUp() {
        tail.awaitCaughtUpOrFail();
    }

    public boolean isCaughtUp() {
        return tail != null && tail.isCaughtUp();
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

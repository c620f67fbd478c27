package com.packetjourney.hop;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.kafka.World;
import com.packetjourney.kafka.WorldTable;
import com.packetjourney.kafka.WorldValue;

import java.time.Instant;
import java.util.Optional;

/**
 * The world records most hop services read: the simulation's settings (the seed of every random choice, the epoch
 * journeys start at), the client devices and the LANs they are on.
 */
public final class CommonWorld {
    private final WorldValue<Simulation> simulation = new WorldValue<>();
    private final WorldTable<ClientDevice> clients = new WorldTable<>();
    private final WorldTable<LanSegment> lans = new WorldTable<>();

    /** {@code world} with subscriptions that fill this copy. */
    public World subscribedIn(World world) {
        return world.on(Topics.WORLD_SIMULATION, Simulation.class, simulation)
                .on(Topics.WORLD_CLIENTS, ClientDevice.class, clients)
                .on(Topics.WORLD_LANS, LanSegment.class, lans);
    }

    public WorldValue<Simulation> simulation() {
        return simulation;
    }

    public WorldTable<ClientDevice> clients() {
        return clients;
    }

    public WorldTable<LanSegment> lans() {
        return lans;
    }

    /** The seed of every random choice; 0 before the simulation has been read. */
    public long seed() {
        return Simulation.seedOf(simulation.get());
    }

    /** The simulated instant journeys start at; null before the simulation has been read. */
    public Instant epoch() {
        return Simulation.epochOf(simulation.get());
    }

    /** The LAN the named client device is on, if the world knows both. */
    public Optional<LanSegment> lanOf(String client) {
        return clients.find(client).flatMap(c -> lans.find(c.lan()));
    }
}

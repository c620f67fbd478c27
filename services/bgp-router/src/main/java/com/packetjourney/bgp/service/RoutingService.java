package com.packetjourney.bgp.service;

import com.packetjourney.bgp.domain.BgpNetwork;
import com.packetjourney.bgp.domain.Ipv4;
import com.packetjourney.bgp.domain.OriginatedPrefixes;
import com.packetjourney.bgp.domain.PathTracer;
import com.packetjourney.bgp.domain.Trace;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.contracts.world.Simulation;
import inet.ipaddr.ipv4.IPv4Address;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The routing hop: walks the journey's packet from the laptop through the home router's NAT and the Internet's
 * autonomous systems to the network that originates the destination's prefix. The BGP network is re-converged on
 * every change of an AS record. Thread-safe: world updates and hops may come from different threads.
 */
public class RoutingService {
    static final String PROTOCOL = "TCP";

    private final Clock wallClock;
    private final Map<String, ClientDevice> clients = new HashMap<>();
    private final Map<String, LanSegment> lans = new HashMap<>();
    private Map<String, AutonomousSystem> systems = new TreeMap<>();
    private BgpNetwork network = BgpNetwork.empty();
    private long seed;

    public RoutingService(Clock wallClock) {
        this.wallClock = wallClock;
    }

    public synchronized void onSimulation(Simulation simulation) {
        this.seed = simulation == null ? 0 : simulation.seed();
    }

    public synchronized void onClient(String name, ClientDevice client) {
        if (client == null) {
            clients.remove(name);
        } else {
            clients.put(name, client);
        }
    }

    public synchronized void onLan(String id, LanSegment lan) {
        if (lan == null) {
            lans.remove(id);
        } else {
            lans.put(id, lan);
        }
    }

    /**
     * An AS record changed: new prefixes are announcements, missing ones withdrawals, a tombstone takes the AS and
     * its sessions away. A record the network cannot be built with is rejected and the previous network kept.
     */
    public synchronized void onAutonomousSystem(String key, AutonomousSystem as) {
        Map<String, AutonomousSystem> next = new TreeMap<>(systems);
        if (as == null) {
            next.remove(key);
        } else {
            next.put(key, as);
        }
        network = BgpNetwork.of(next.values());
        systems = next;
        notifyAll();
    }

    /**
     * The AS record after {@code asn} announces {@code prefix}, to be written to the world topic; the network changes
     * once the record is read back from there.
     *
     * @throws WorldChangeRefused for a malformed prefix, an unknown AS, or a prefix the AS already announces
     */
    public synchronized AutonomousSystem announce(long asn, String prefix) {
        AutonomousSystem as = system(asn);
        IPv4Address block = prefix(prefix);
        if (OriginatedPrefixes.announces(as, block)) {
            throw new WorldChangeRefused(WorldChangeRefused.Reason.CONFLICT, "prefix",
                    "AS" + asn + " already announces " + block);
        }
        return OriginatedPrefixes.announce(as, block);
    }

    /**
     * The AS record after {@code asn} withdraws {@code prefix}, to be written to the world topic.
     *
     * @throws WorldChangeRefused for a malformed prefix, an unknown AS, or a prefix the AS does not announce
     */
    public synchronized AutonomousSystem withdraw(long asn, String prefix) {
        AutonomousSystem as = system(asn);
        IPv4Address block = prefix(prefix);
        if (!OriginatedPrefixes.announces(as, block)) {
            throw new WorldChangeRefused(WorldChangeRefused.Reason.UNKNOWN, "prefix",
                    "AS" + asn + " does not announce " + block + "; it originates " + as.originates());
        }
        return OriginatedPrefixes.withdraw(as, block);
    }

    /** Waits until the AS record read from the world topic is {@code expected}; false if not within the timeout. */
    public synchronized boolean awaitApplied(AutonomousSystem expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!expected.equals(systems.get(Scenario.asKey(expected.asn())))) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private AutonomousSystem system(long asn) {
        return network.system(asn).orElseThrow(() -> new WorldChangeRefused(WorldChangeRefused.Reason.UNKNOWN, "asn",
                "AS" + asn + " is not in the world"));
    }

    private static IPv4Address prefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new WorldChangeRefused(WorldChangeRefused.Reason.INVALID, "prefix",
                    "a prefix in CIDR notation is required, e.g. 54.217.40.0/24");
        }
        try {
            return Ipv4.exactPrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw new WorldChangeRefused(WorldChangeRefused.Reason.INVALID, "prefix", e.getMessage());
        }
    }

    /** The converged network as it stands, for the looking glass. */
    public synchronized BgpNetwork network() {
        return network;
    }

    /** Computes the routing hop after DNS resolution; returns null for a journey that already failed. */
    public synchronized HopEvent handle(HopEvent resolved) {
        if (!resolved.outcome().isOk()) {
            return null;
        }
        JourneyContext context = resolved.context();
        String destination = context.serverIp();
        int port = context.port();
        ClientDevice client = clients.get(context.client());
        LanSegment lan = client == null ? null : lans.get(client.lan());
        if (lan == null) {
            PacketRouted payload = new PacketRouted(context.clientIp(), null, destination, port, PROTOCOL, List.of(),
                    List.of(), null, null);
            return resolved.next(0, wallClock.instant(), Outcome.failed(FailureCode.NO_ROUTE, context.client()
                    + " is on no known LAN, so it has no route to " + destination), context, payload);
        }
        SplittableRandom random = new SplittableRandom(seed ^ resolved.journeyId().hashCode());
        Trace trace = new PathTracer(network).trace(context.client(), context.clientIp(), context.gateway(), lan,
                destination, random);
        PacketRouted payload = new PacketRouted(context.clientIp(), trace.translatedSource(), destination, port,
                PROTOCOL, trace.hops(), trace.ispAsPath(), trace.destinationPrefix(), trace.originAs(),
                trace.hijackWarning());
        Outcome outcome = trace.delivered() ? Outcome.ok() : Outcome.failed(trace.failure(), trace.failureMessage());
        JourneyContext routed = trace.nat() == null ? context
                : context.withPublicSource(trace.nat().outsideIp(), trace.nat().outsidePort());
        return resolved.next(trace.latencyMicros(), wallClock.instant(), outcome, routed, payload);
    }
}

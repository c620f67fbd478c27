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
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.kafka.WorldTable;
import com.packetjourney.kafka.WorldValue;
import inet.ipaddr.ipv4.IPv4Address;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The routing hop: walks the journey's packet from the laptop through the home router's NAT and the Internet's
 * autonomous systems to the network that originates the destination's prefix. The BGP network is re-converged on
 * every change of an AS record. Thread-safe: world updates and hops may come from different threads.
 */
@Singleton
public class RoutingService {
    static final String PROTOCOL = "TCP";

    private final Clock wallClock;
    private final WorldValue<Simulation> simulation = new WorldValue<>();
    private final WorldTable<ClientDevice> clients = new WorldTable<>();
    private final WorldTable<LanSegment> lans = new WorldTable<>();
    private Map<String, AutonomousSystem> systems = new TreeMap<>();
    private BgpNetwork network = BgpNetwork.empty();

    @Inject
    public RoutingService(Clock wallClock) {
        this.wallClock = wallClock;
    }

    /** The simulation's settings, as read from the world. */
    public WorldValue<Simulation> simulation() {
        return simulation;
    }

    /** The client devices, as read from the world. */
    public WorldTable<ClientDevice> clients() {
        return clients;
    }

    /** The LANs, as read from the world. */
    public WorldTable<LanSegment> lans() {
        return lans;
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
    }

    /**
     * The AS record after {@code asn} announces {@code prefix}, to be written to the world topic; the network changes
     * once the record is read back from there.
     *
     * @throws Refused for a malformed prefix, an unknown AS, or a prefix the AS already announces
     */
    public synchronized AutonomousSystem announce(long asn, String prefix) {
        AutonomousSystem as = system(asn);
        IPv4Address block = prefix(prefix);
        if (OriginatedPrefixes.announces(as, block)) {
            throw Refused.conflict("prefix",
                    "AS" + asn + " already announces " + block);
        }
        return OriginatedPrefixes.announce(as, block);
    }

    /**
     * The AS record after {@code asn} withdraws {@code prefix}, to be written to the world topic.
     *
     * @throws Refused for a malformed prefix, an unknown AS, or a prefix the AS does not announce
     */
    public synchronized AutonomousSystem withdraw(long asn, String prefix) {
        AutonomousSystem as = system(asn);
        IPv4Address block = prefix(prefix);
        if (!OriginatedPrefixes.announces(as, block)) {
            throw Refused.unknown("prefix",
                    "AS" + asn + " does not announce " + block + "; it originates " + as.originates());
        }
        return OriginatedPrefixes.withdraw(as, block);
    }

    private AutonomousSystem system(long asn) {
        return network.system(asn).orElseThrow(() -> Refused.unknown("asn",
                "AS" + asn + " is not in the world"));
    }

    private static IPv4Address prefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw Refused.invalid("prefix",
                    "a prefix in CIDR notation is required, e.g. 54.217.40.0/24");
        }
        try {
            return Ipv4.exactPrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("prefix", e.getMessage());
        }
    }

    /** The converged network as it stands, for the looking glass. */
    public synchronized BgpNetwork network() {
        return network;
    }

    /** Computes the routing hop after DNS resolution. */
    public synchronized HopEvent handle(HopEvent resolved) {
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
        long seed = Simulation.seedOf(simulation.get());
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

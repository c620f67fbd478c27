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
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.hop.CommonWorld;
import com.packetjourney.kafka.WorldChanges;
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
    private final WorldChanges changes;
    private final CommonWorld world = new CommonWorld();
    private Map<String, AutonomousSystem> systems = new TreeMap<>();
    private BgpNetwork network = BgpNetwork.empty();

    @Inject
    public RoutingService(Clock wallClock, WorldChanges changes) {
        this.wallClock = wallClock;
        this.changes = changes;
    }

    /** The simulation, clients and LANs, as read from the world. */
    public CommonWorld world() {
        return world;
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
     * {@code asn} announces {@code prefix}: its AS record is written to the world topic and the network reconverges
     * once the record is read back from there, like any world change.
     *
     * @throws Refused for a malformed prefix, an unknown AS, or a prefix the AS already announces
     */
    public WorldChanges.Applied<AutonomousSystem> announce(long asn, String prefix) {
        changes.awaitRead();
        return publish(announced(asn, prefix));
    }

    /**
     * {@code asn} withdraws {@code prefix}: its AS record is written to the world topic.
     *
     * @throws Refused for a malformed prefix, an unknown AS, or a prefix the AS does not announce
     */
    public WorldChanges.Applied<AutonomousSystem> withdraw(long asn, String prefix) {
        changes.awaitRead();
        return publish(withdrawn(asn, prefix));
    }

    private WorldChanges.Applied<AutonomousSystem> publish(AutonomousSystem updated) {
        return changes.publish(Topics.WORLD_AUTONOMOUS_SYSTEMS, Scenario.asKey(updated.asn()), updated);
    }

    /** The AS record after {@code asn} announces {@code prefix}. */
    synchronized AutonomousSystem announced(long asn, String prefix) {
        AutonomousSystem as = system(asn);
        IPv4Address block = prefix(prefix);
        if (OriginatedPrefixes.announces(as, block)) {
            throw Refused.conflict("prefix",
                    "AS" + asn + " already announces " + block);
        }
        return OriginatedPrefixes.announce(as, block);
    }

    /** The AS record after {@code asn} withdraws {@code prefix}. */
    synchronized AutonomousSystem withdrawn(long asn, String prefix) {
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

    /** The converged network as it stands, once the world has been read: for the looking glass. */
    public BgpNetwork network() {
        changes.awaitRead();
        return converged();
    }

    private synchronized BgpNetwork converged() {
        return network;
    }

    /** Computes the routing hop after DNS resolution. */
    public synchronized HopEvent handle(HopEvent resolved) {
        JourneyContext context = resolved.context();
        String destination = context.serverIp();
        int port = context.port();
        LanSegment lan = world.lanOf(context.client()).orElse(null);
        if (lan == null) {
            PacketRouted payload = new PacketRouted(context.clientIp(), null, destination, port, PROTOCOL, List.of(),
                    List.of(), null, null);
            return resolved.next(0, wallClock.instant(), Outcome.failed(FailureCode.NO_ROUTE, context.client()
                    + " is on no known LAN, so it has no route to " + destination), context, payload);
        }
        SplittableRandom random = new SplittableRandom(world.seed() ^ resolved.journeyId().hashCode());
        Trace trace = new PathTracer(network).trace(context.client(), context.clientIp(), context.gateway(), lan,
                destination, random);
        PacketRouted payload = new PacketRouted(context.clientIp(), trace.translatedSource(), destination, port,
                PROTOCOL, trace.hops(), trace.ispAsPath(), trace.destinationPrefix(), trace.originAs(),
                trace.hijackWarning());
        Outcome outcome = trace.delivered() ? Outcome.ok() : Outcome.failed(trace.failure(), trace.failureMessage());
        JourneyContext routed = trace.nat() == null
                ? context.withRoute(trace.originAs(), context.publicSourceIp(), context.publicSourcePort())
                : context.withRoute(trace.originAs(), trace.nat().outsideIp(), trace.nat().outsidePort());
        return resolved.next(trace.latencyMicros(), wallClock.instant(), outcome, routed, payload);
    }
}

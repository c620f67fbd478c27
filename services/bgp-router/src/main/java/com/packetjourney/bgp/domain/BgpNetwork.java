package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.world.AutonomousSystem;
import inet.ipaddr.ipv4.IPv4Address;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Internet as its autonomous systems: their eBGP sessions and, once announcements have propagated to a fixed
 * point, every AS's RIB. Immutable: a changed world (an AS announcing or withdrawing prefixes, joining or leaving)
 * is a new network, converged from scratch, so the result never depends on the order the world arrived in.
 */
public final class BgpNetwork {
    /**
     * Under Gao-Rexford policies BGP converges (the paper's theorem), here in a few rounds. Relationships that two
     * ASes describe inconsistently can make it oscillate forever; the cap keeps the state of the last round.
     */
    static final int MAX_ROUNDS = 100;

    private final Map<Long, AutonomousSystem> systems;
    private final Map<Long, List<Session>> sessions;
    private final Map<Long, BgpRib> ribs;

    private BgpNetwork(Map<Long, AutonomousSystem> systems) {
        this.systems = systems;
        this.sessions = establish(systems);
        this.ribs = converge(systems, sessions);
    }

    public static BgpNetwork empty() {
        return new BgpNetwork(Map.of());
    }

    /** Builds and converges the network; IllegalArgumentException for an unreadable record or a repeated ASN. */
    public static BgpNetwork of(Collection<AutonomousSystem> systems) {
        Map<Long, AutonomousSystem> byAsn = new TreeMap<>();
        for (AutonomousSystem as : systems) {
            if (byAsn.put(as.asn(), as) != null) {
                throw new IllegalArgumentException("AS" + as.asn() + " is defined twice");
            }
        }
        return new BgpNetwork(Collections.unmodifiableMap(byAsn));
    }

    public Optional<AutonomousSystem> system(long asn) {
        return Optional.ofNullable(systems.get(asn));
    }

    public Collection<AutonomousSystem> systems() {
        return systems.values();
    }

    public Optional<BgpRib> rib(long asn) {
        return Optional.ofNullable(ribs.get(asn));
    }

    /** The established sessions of an AS, by neighbour AS. */
    public List<Session> sessions(long asn) {
        return sessions.getOrDefault(asn, List.of());
    }

    public Optional<Session> session(long localAs, long neighborAs) {
        return sessions(localAs).stream().filter(s -> s.neighborAs() == neighborAs).findFirst();
    }

    /** A session is up only when both ASes configure it, as a BGP OPEN needs both sides. */
    private static Map<Long, List<Session>> establish(Map<Long, AutonomousSystem> systems) {
        Map<Long, List<Session>> sessions = new TreeMap<>();
        for (AutonomousSystem as : systems.values()) {
            List<Session> up = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (AutonomousSystem.Neighbor n : neighbors(as)) {
                AutonomousSystem other = systems.get(n.asn());
                if (other != null && n.asn() != as.asn() && seen.add(n.asn()) && configures(other, as.asn())) {
                    up.add(new Session(as.asn(), n.asn(), other.router(), routerId(other), n.relationship(),
                            n.latencyMicros()));
                }
            }
            up.sort(Comparator.comparingLong(Session::neighborAs));
            sessions.put(as.asn(), List.copyOf(up));
        }
        return sessions;
    }

    /**
     * Every AS starts with its own prefixes; then, round after round in ASN order, each AS takes from each neighbour
     * the best routes that neighbour's export policy lets through, until a round changes nothing.
     */
    private static Map<Long, BgpRib> converge(Map<Long, AutonomousSystem> systems, Map<Long, List<Session>> sessions) {
        Map<Long, BgpRib> ribs = new TreeMap<>();
        systems.values().forEach(as -> ribs.put(as.asn(), BgpRib.originating(as.asn(), routerId(as),
                (as.originates() == null ? List.<String>of() : as.originates()).stream().map(Ipv4::prefix).toList())));
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (Long asn : List.copyOf(ribs.keySet())) {
                for (Session session : sessions.get(asn)) {
                    BgpRib before = ribs.get(asn);
                    BgpRib after = before.withAdjRibIn(session.neighborAs(), announcements(ribs, sessions, session));
                    if (after != before) {
                        ribs.put(asn, after);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return Collections.unmodifiableMap(ribs);
    }

    /** What the neighbour at the far end of {@code session} announces over it: its exportable best routes. */
    private static List<BgpRoute> announcements(Map<Long, BgpRib> ribs, Map<Long, List<Session>> sessions,
                                                Session session) {
        Session reverse = sessions.get(session.neighborAs()).stream()
                .filter(s -> s.neighborAs() == session.localAs()).findFirst().orElseThrow();
        return ribs.get(session.neighborAs()).bestRoutes().stream()
                .filter(r -> ExportPolicy.exports(r, reverse.relationship()))
                .map(r -> r.receivedOver(session))
                .toList();
    }

    private static boolean configures(AutonomousSystem as, long neighborAs) {
        return neighbors(as).stream().anyMatch(n -> n.asn() == neighborAs);
    }

    private static List<AutonomousSystem.Neighbor> neighbors(AutonomousSystem as) {
        return as.neighbors() == null ? List.of() : as.neighbors();
    }

    private static IPv4Address routerId(AutonomousSystem as) {
        return Ipv4.address(as.routerId(), "router id of AS" + as.asn());
    }
}

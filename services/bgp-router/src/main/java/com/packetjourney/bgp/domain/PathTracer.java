package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.hop.PacketRouted.RouterHop;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.LanSegment;
import inet.ipaddr.ipv4.IPv4Address;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The forwarding walk of one packet: the laptop's default route to the home router, the home router's NAT and
 * default route to its ISP, then from AS to AS by longest-prefix match in each border router's Loc-RIB, until the
 * AS that originates the matched prefix takes the packet into its own network. Every router decrements the IP TTL
 * and drops the packet when it reaches zero (RFC 1812 §5.3.1).
 */
public final class PathTracer {
    /** The IP TTL the laptop's OS sends with (the Linux and macOS default). */
    public static final int INITIAL_TTL = 64;
    static final String HOST_IFACE = "en0";
    static final String ROUTER_LAN_IFACE = "lan0";
    static final String ROUTER_WAN_IFACE = "wan0";

    private final BgpNetwork network;
    private final int initialTtl;

    public PathTracer(BgpNetwork network) {
        this(network, INITIAL_TTL);
    }

    public PathTracer(BgpNetwork network, int initialTtl) {
        this.network = network;
        this.initialTtl = initialTtl;
    }

    /** A packet from {@code host} ({@code source}, configured with {@code gateway}) on {@code lan} to {@code destination}. */
    public Trace trace(String host, String source, String gateway, LanSegment lan, String destination,
                       SplittableRandom random) {
        return new Walk(host, source, lan, destination).run(gateway, random);
    }

    /** The state of one walk: the hops so far, the TTL left and the NAT mapping once the home router made it. */
    private final class Walk {
        private final String host;
        private final LanSegment lan;
        private final String destination;
        private final IPv4Address destinationAddress;
        private final List<RouterHop> hops = new ArrayList<>();
        private final String source;
        private NatBinding nat;
        private List<Long> ispAsPath = List.of();
        private String hijackWarning;
        private int ttl = initialTtl;

        Walk(String host, String source, LanSegment lan, String destination) {
            this.host = host;
            this.lan = lan;
            this.destination = destination;
            this.destinationAddress = Ipv4.address(destination, "destination");
            this.source = source;
        }

        Trace run(String gateway, SplittableRandom random) {
            // The sending host does not decrement the TTL; only routers do.
            Optional<RoutingTable.Entry> route = RoutingTable.host(lan, gateway, HOST_IFACE).lookup(destinationAddress);
            if (route.isEmpty()) {
                hops.add(new RouterHop(host, null, null, null, HOST_IFACE, List.of(), ttl, 0,
                        "no default gateway: network unreachable"));
                return failed(FailureCode.NO_ROUTE, host + " has no route to " + destination + ": it has no default gateway");
            }
            RoutingTable.Entry hostRoute = route.get();
            if (hostRoute.isConnected()) {
                hops.add(new RouterHop(host, null, hostRoute.prefix().toString(), destination, hostRoute.via(),
                        List.of(), ttl, lan.linkLatencyMicros(), "on-link: delivered on the LAN, no router involved"));
                return new Trace(hops, source, null, List.of(), hostRoute.prefix().toString(), null, null, null, null);
            }
            hops.add(new RouterHop(host, null, hostRoute.prefix().toString(), hostRoute.nextHop(), hostRoute.via(),
                    List.of(), ttl, lan.linkLatencyMicros(), "off-link: sent to the default gateway"));
            return homeRouter(random);
        }

        private Trace homeRouter(SplittableRandom random) {
            String router = lan.routerName();
            if (--ttl == 0) {
                return expired(router, null);
            }
            Optional<AutonomousSystem> isp = network.system(lan.ispAsn());
            if (isp.isEmpty()) {
                hops.add(new RouterHop(router, null, null, null, ROUTER_WAN_IFACE, List.of(), ttl, 0,
                        "the ISP AS" + lan.ispAsn() + " is not in the world: network unreachable"));
                return failed(FailureCode.NO_ROUTE, router + " has no route to " + destination + ": its ISP AS"
                        + lan.ispAsn() + " does not exist");
            }
            RoutingTable.Entry route = RoutingTable.homeRouter(lan, ROUTER_LAN_IFACE, isp.get().router(),
                    ROUTER_WAN_IFACE).lookup(destinationAddress).orElseThrow();
            nat = NatBinding.allocate(source, lan.wanIp(), random);
            // The home link has one latency figure in the world; it serves the uplink to the ISP as well.
            hops.add(new RouterHop(router, null, route.prefix().toString(), route.nextHop(), route.via(), List.of(),
                    ttl, lan.linkLatencyMicros(), nat.describe()));
            return autonomousSystems(lan.ispAsn());
        }

        private Trace autonomousSystems(long firstAs) {
            LinkedHashSet<Long> visited = new LinkedHashSet<>();
            long asn = firstAs;
            while (true) {
                AutonomousSystem as = network.system(asn).orElseThrow();
                if (!visited.add(asn)) {
                    // A forwarding loop would circle until the TTL ran out; stop at the first repeat instead.
                    hops.add(new RouterHop(as.router(), asn, null, null, null, List.of(), ttl, 0,
                            "forwarding loop: the packet is back at AS" + asn));
                    return failed(FailureCode.TTL_EXCEEDED, "forwarding loop " + loop(visited, asn)
                            + ": the packet would circle until its TTL ran out");
                }
                if (--ttl == 0) {
                    return expired(as.router(), asn);
                }
                BgpRib rib = network.rib(asn).orElseThrow();
                Optional<BgpRib.Entry> match = rib.lookup(destinationAddress);
                if (match.isEmpty()) {
                    hops.add(new RouterHop(as.router(), asn, null, null, null, List.of(), ttl, 0,
                            "no route in the Loc-RIB: ICMP destination unreachable (net unreachable)"));
                    return failed(FailureCode.NO_ROUTE, as.router() + " (AS" + asn + ") has no route to " + destination);
                }
                BgpRib.Entry entry = match.get();
                BgpRoute best = entry.best();
                String prefix = entry.prefix().toString();
                if (asn == firstAs) {
                    ispAsPath = best.asPath();
                    hijackWarning = HijackSuspicion.of(rib, entry).map(HijackSuspicion::warning).orElse(null);
                }
                if (best.isOriginated()) {
                    hops.add(new RouterHop(as.router(), asn, prefix, destination, "AS" + asn + " network", List.of(),
                            ttl, 0, "destination network reached"));
                    return new Trace(hops, source, nat, ispAsPath, prefix, asn, null, null, hijackWarning);
                }
                Session session = network.session(asn, best.neighborAs()).orElseThrow();
                hops.add(new RouterHop(as.router(), asn, prefix, session.neighborRouter(), "AS" + session.neighborAs(),
                        best.asPath(), ttl, session.latencyMicros(), choice(entry)));
                asn = best.neighborAs();
            }
        }

        private Trace expired(String router, Long asn) {
            hops.add(new RouterHop(router, asn, null, null, null, List.of(), 0, 0,
                    "TTL exceeded in transit: ICMP time exceeded sent to " + (nat == null ? source : nat.outsideIp())));
            return failed(FailureCode.TTL_EXCEEDED, "the TTL of " + initialTtl + " ran out at " + router
                    + (asn == null ? "" : " (AS" + asn + ")"));
        }

        private Trace failed(FailureCode code, String message) {
            return new Trace(hops, source, nat, ispAsPath, null, null, code, message, hijackWarning);
        }
    }

    /** Why this route: how many paths it was chosen from, and the LOCAL_PREF its relationship gave it. */
    private static String choice(BgpRib.Entry entry) {
        int paths = entry.candidates().size();
        BgpRoute best = entry.best();
        return (paths == 1 ? "the only path" : "best of " + paths + " paths") + "; LOCAL_PREF " + best.localPref()
                + " (" + best.learnedFrom().name().toLowerCase() + " route)";
    }

    /** The ASes of a forwarding loop, from the repeated one round to it again. */
    private static String loop(LinkedHashSet<Long> visited, long repeated) {
        List<Long> path = new ArrayList<>(visited);
        return path.subList(path.indexOf(repeated), path.size()).stream().map(a -> "AS" + a)
                .collect(Collectors.joining(" -> ")) + " -> AS" + repeated;
    }
}

package com.packetjourney.bgp.rest;

import com.packetjourney.bgp.domain.BestPathComparator;
import com.packetjourney.bgp.domain.BgpNetwork;
import com.packetjourney.bgp.domain.BgpRib;
import com.packetjourney.bgp.domain.BgpRoute;
import com.packetjourney.bgp.domain.HijackSuspicion;
import com.packetjourney.bgp.domain.Ipv4;
import com.packetjourney.bgp.service.RoutingService;
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.world.AutonomousSystem;
import inet.ipaddr.ipv4.IPv4Address;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Optional;

/**
 * A BGP looking glass, as transit networks offer one: each AS's sessions, its Loc-RIB ("show ip bgp") with the
 * paths that lost and the decision step they lost on, and the route a destination address matches.
 */
@Path("/autonomous-systems")
@Produces(MediaType.APPLICATION_JSON)
public class LookingGlassResource {
    private final RoutingService service;

    LookingGlassResource(RoutingService service) {
        this.service = service;
    }

    public record SessionView(long asn, String router, String relationship, long latencyMicros) {
    }

    public record SystemView(long asn, String name, String router, String routerId, List<String> originates,
                             List<SessionView> sessions, int locRibSize) {
    }

    /** A path that lost to the best one, and the first decision step that preferred the best. */
    public record PathView(List<Long> asPath, Long nextHopAs, int localPref, String learnedFrom, String lostOn) {
    }

    public record RouteView(String prefix, List<Long> asPath, Long nextHopAs, String nextHopRouter, int localPref,
                            String origin, long med, String learnedFrom, List<PathView> otherPaths, long originAs) {
    }

    public record RibView(long asn, String name, String router, List<RouteView> routes) {
    }

    /** {@code hijackWarning}: set when the matched prefix looks hijacked ({@link HijackSuspicion}). */
    public record LookupView(long asn, String router, String ip, boolean found, RouteView route,
                             String hijackWarning) {
    }

    @GET
    public List<SystemView> systems() {
        BgpNetwork network = service.network();
        return network.systems().stream().map(as -> new SystemView(as.asn(), as.name(), as.router(), as.routerId(),
                as.originates() == null ? List.of() : as.originates(),
                network.sessions(as.asn()).stream().map(s -> new SessionView(s.neighborAs(), s.neighborRouter(),
                        s.relationship().name(), s.latencyMicros())).toList(),
                network.rib(as.asn()).map(r -> r.locRib().size()).orElse(0))).toList();
    }

    /** The Loc-RIB: per prefix the best path, its next-hop AS and LOCAL_PREF, and the other candidate paths. */
    @GET
    @Path("/{asn}/routes")
    public RibView routes(@PathParam("asn") String asn) {
        BgpNetwork network = service.network();
        AutonomousSystem as = system(network, asn);
        BgpRib rib = network.rib(as.asn()).orElseThrow();
        return new RibView(as.asn(), as.name(), as.router(),
                rib.locRib().stream().map(e -> view(network, e)).toList());
    }

    /** Longest-prefix match of one address in the AS's Loc-RIB. */
    @GET
    @Path("/{asn}/lookup")
    public LookupView lookup(@PathParam("asn") String asn, @QueryParam("ip") String ip) {
        BgpNetwork network = service.network();
        AutonomousSystem as = system(network, asn);
        if (ip == null || ip.isBlank()) {
            throw Refused.invalid("ip", "the query parameter ip is required, e.g. ?ip=54.217.10.21");
        }
        IPv4Address address = Ipv4.address(ip).orElseThrow(() -> Refused.invalid("ip",
                "'" + ip + "' is not an IPv4 address in dotted-quad notation"));
        BgpRib rib = network.rib(as.asn()).orElseThrow();
        Optional<BgpRib.Entry> match = rib.lookup(address);
        return new LookupView(as.asn(), as.router(), address.toString(), match.isPresent(),
                match.map(e -> view(network, e)).orElse(null),
                match.flatMap(e -> HijackSuspicion.of(rib, e)).map(HijackSuspicion::warning).orElse(null));
    }

    /** An AS number from the path, written 64500 or AS64500. */
    static long asn(String asn) {
        String digits = asn.regionMatches(true, 0, "AS", 0, 2) ? asn.substring(2) : asn;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw Refused.invalid("asn", "'" + asn + "' is not an AS number, e.g. 64500");
        }
    }

    private static AutonomousSystem system(BgpNetwork network, String asn) {
        long number = asn(asn);
        return network.system(number).orElseThrow(() -> Refused.unknown("asn",
                "AS" + number + " is not in the world"));
    }

    private static RouteView view(BgpNetwork network, BgpRib.Entry entry) {
        BgpRoute best = entry.best();
        Long nextHopAs = best.isOriginated() ? null : best.neighborAs();
        String nextHopRouter = nextHopAs == null ? null
                : network.system(nextHopAs).map(AutonomousSystem::router).orElse(null);
        List<PathView> others = entry.alternatives().stream().map(r -> new PathView(r.asPath(),
                r.isOriginated() ? null : r.neighborAs(), r.localPref(), r.learnedFrom().name(),
                BestPathComparator.INSTANCE.decidingStep(best, r).map(BestPathComparator.Step::name)
                        .orElse("equal to the best"))).toList();
        return new RouteView(entry.prefix().toString(), best.asPath(), nextHopAs, nextHopRouter, best.localPref(),
                best.origin().name(), best.med(), best.learnedFrom().name(), others, best.originAs());
    }
}

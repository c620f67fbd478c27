package com.packetjourney.bgp.messaging;

import com.packetjourney.bgp.domain.BgpNetwork;
import com.packetjourney.bgp.domain.BgpRib;
import com.packetjourney.bgp.domain.BgpRoute;
import com.packetjourney.bgp.service.RoutingService;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.metrics.Labels;
import inet.ipaddr.ipv4.IPv4Address;
import io.micrometer.core.instrument.Counter;
import com.packetjourney.hop.ServiceGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import io.micrometer.core.instrument.Tags;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The router's own metrics (its hop's are {@link com.packetjourney.metrics.HopMetrics}): each AS's Loc-RIB size ({@code pj_bgp_rib_routes{asn}})
 * and the route changes each AS saw ({@code pj_bgp_route_changes_total{asn}}: prefixes whose best route appeared,
 * was withdrawn or was replaced). Changes are counted when a refresh of the gauges finds a newly converged network,
 * against the network the previous refresh saw; the first refresh counts the routes learnt since start.
 */
@Startup
@Singleton
public class BgpMetrics {
    private static final String SERVICE = HopType.PACKET_ROUTED.service();

    private final MeterRegistry registry;
    private BgpNetwork seen = BgpNetwork.empty();

    BgpMetrics(MeterRegistry registry, ServiceGauges gauges, RoutingService service) {
        this.registry = registry;
        gauges.gauge("pj.bgp.rib.routes", "Prefixes in each AS's Loc-RIB, one best route each",
                () -> ribSizes(service.network()));
    }

    /** Called by one refresh at a time. */
    private Map<Tags, Integer> ribSizes(BgpNetwork network) {
        if (network != seen) {
            countChanges(seen, network);
            seen = network;
        }
        Map<Tags, Integer> sizes = new HashMap<>();
        for (AutonomousSystem as : network.systems()) {
            sizes.put(asn(as.asn()), network.rib(as.asn()).map(rib -> rib.locRib().size()).orElse(0));
        }
        return sizes;
    }

    private void countChanges(BgpNetwork before, BgpNetwork after) {
        Set<Long> asns = new TreeSet<>();
        before.systems().forEach(as -> asns.add(as.asn()));
        after.systems().forEach(as -> asns.add(as.asn()));
        for (long asn : asns) {
            Map<IPv4Address, BgpRoute> old = bestRoutes(before, asn);
            Map<IPv4Address, BgpRoute> now = bestRoutes(after, asn);
            Set<IPv4Address> prefixes = new HashSet<>(old.keySet());
            prefixes.addAll(now.keySet());
            long changed = prefixes.stream().filter(p -> !Objects.equals(old.get(p), now.get(p))).count();
            Counter counter = Counter.builder("pj.bgp.route.changes")
                    .description("Prefixes whose best route in the AS's Loc-RIB appeared, was withdrawn or was replaced")
                    .tags(asn(asn).and(Labels.SERVICE, SERVICE)).register(registry);
            counter.increment(changed);
        }
    }

    private static Map<IPv4Address, BgpRoute> bestRoutes(BgpNetwork network, long asn) {
        Map<IPv4Address, BgpRoute> best = new HashMap<>();
        network.rib(asn).map(BgpRib::locRib).ifPresent(entries -> entries.forEach(e -> best.put(e.prefix(), e.best())));
        return best;
    }

    private static Tags asn(long asn) {
        return Tags.of("asn", Long.toString(asn));
    }
}

package com.packetjourney.bgp.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.packetjourney.bgp.domain.Routes.route;
import static org.assertj.core.api.Assertions.assertThat;

class BgpRibTest {
    private final BgpRib lumen = BgpRib.originating(3356, Ipv4.address("4.69.0.1", "id"), List.of(Ipv4.prefix("4.0.0.0/9")));

    @Test
    void aRouteWhoseAsPathHoldsTheAsItselfIsRejected() {
        // RFC 4271 §9.1.2: AS3356 hears its own number back in the path, so the route has been through it already.
        BgpRoute looped = route("54.216.0.0/15", List.of(1299L, 3356L, 16509L));
        BgpRib rib = lumen.withAdjRibIn(1299, List.of(looped));
        assertThat(rib.accepts(looped)).isFalse();
        assertThat(rib.adjRibIn()).doesNotContainKey(1299L);
        assertThat(rib.lookup(Ipv4.address("54.217.10.21", "ip"))).isEmpty();
    }

    @Test
    void longestPrefixMatchPicksTheMoreSpecificPrefix() {
        BgpRib rib = lumen.withAdjRibIn(16509, List.of(
                route("54.216.0.0/15", List.of(16509L)),
                route("54.217.10.0/24", List.of(16509L, 64999L))));
        assertThat(rib.lookup(Ipv4.address("54.217.10.21", "ip")))
                .get().extracting(e -> e.prefix().toString()).isEqualTo("54.217.10.0/24");
        assertThat(rib.lookup(Ipv4.address("54.217.40.22", "ip")))
                .get().extracting(e -> e.prefix().toString()).isEqualTo("54.216.0.0/15");
        assertThat(rib.lookup(Ipv4.address("4.1.2.3", "ip"))).get().extracting(e -> e.best().isOriginated())
                .isEqualTo(true);
    }

    @Test
    void theLocRibHoldsTheBestOfAllNeighboursAndKeepsTheLosers() {
        BgpRoute viaNtt = Routes.withNeighborAs(route("54.216.0.0/15", List.of(2914L, 16509L)), 2914, "129.250.0.1");
        BgpRoute direct = Routes.withNeighborAs(route("54.216.0.0/15", List.of(16509L)), 16509, "52.93.0.1");
        BgpRib rib = lumen.withAdjRibIn(2914, List.of(viaNtt)).withAdjRibIn(16509, List.of(direct));
        BgpRib.Entry entry = rib.lookup(Ipv4.address("54.217.10.21", "ip")).orElseThrow();
        assertThat(entry.best()).isEqualTo(direct);
        assertThat(entry.alternatives()).containsExactly(viaNtt);
        assertThat(rib.locRib()).extracting(e -> e.prefix().toString()).containsExactly("4.0.0.0/9", "54.216.0.0/15");
    }

    @Test
    void anEmptyAnnouncementWithdrawsEverythingFromThatNeighbour() {
        BgpRib rib = lumen.withAdjRibIn(16509, List.of(route("54.216.0.0/15", List.of(16509L))))
                .withAdjRibIn(16509, List.of());
        assertThat(rib.adjRibIn()).isEmpty();
        assertThat(rib.lookup(Ipv4.address("54.217.10.21", "ip"))).isEmpty();
    }

    @Test
    void hearingTheSameAgainKeepsTheSameRib() {
        List<BgpRoute> routes = List.of(route("54.216.0.0/15", List.of(16509L)));
        BgpRib rib = lumen.withAdjRibIn(16509, routes);
        assertThat(rib.withAdjRibIn(16509, routes)).isSameAs(rib);
    }
}

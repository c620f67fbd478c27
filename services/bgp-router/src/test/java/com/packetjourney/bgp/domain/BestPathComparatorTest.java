package com.packetjourney.bgp.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.packetjourney.bgp.domain.Routes.baseline;
import static com.packetjourney.bgp.domain.Routes.withAsPath;
import static com.packetjourney.bgp.domain.Routes.withEbgp;
import static com.packetjourney.bgp.domain.Routes.withLocalPref;
import static com.packetjourney.bgp.domain.Routes.withMed;
import static com.packetjourney.bgp.domain.Routes.withNeighborAs;
import static com.packetjourney.bgp.domain.Routes.withOrigin;
import static com.packetjourney.bgp.domain.Routes.withRouterId;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4271 §9.1.1 and §9.1.2.2: each step alone decides between two routes equal in everything before it. */
class BestPathComparatorTest {
    private final BestPathComparator decision = BestPathComparator.INSTANCE;

    private void assertDecides(BgpRoute winner, BgpRoute loser, BestPathComparator.Step step) {
        assertThat(decision.best(List.of(loser, winner))).containsSame(winner);
        assertThat(decision.best(List.of(winner, loser))).containsSame(winner);
        assertThat(decision.compare(winner, loser)).isNegative();
        assertThat(decision.decidingStep(winner, loser)).contains(step);
    }

    @Test
    void highestLocalPrefWinsEvenOverAShorterPath() {
        BgpRoute customer = withAsPath(withLocalPref(baseline(), 200), List.of(1299L, 2914L, 16509L));
        BgpRoute peer = withLocalPref(baseline(), 100);
        assertDecides(customer, peer, BestPathComparator.LOCAL_PREF);
    }

    @Test
    void shortestAsPathWinsOverALowerOrigin() {
        BgpRoute shorter = withOrigin(withAsPath(baseline(), List.of(3356L, 16509L)), Origin.INCOMPLETE);
        BgpRoute longer = withAsPath(baseline(), List.of(3356L, 3356L, 16509L));
        assertDecides(shorter, longer, BestPathComparator.AS_PATH);
    }

    @Test
    void lowestOriginWins() {
        assertDecides(withOrigin(baseline(), Origin.IGP), withOrigin(baseline(), Origin.EGP), BestPathComparator.ORIGIN);
        assertDecides(withOrigin(baseline(), Origin.EGP), withOrigin(baseline(), Origin.INCOMPLETE),
                BestPathComparator.ORIGIN);
    }

    @Test
    void lowestMedWinsBetweenRoutesFromTheSameNeighbourAs() {
        BgpRoute lowMed = withMed(withRouterId(baseline(), "4.69.0.2"), 10);
        BgpRoute highMed = withMed(withRouterId(baseline(), "4.69.0.1"), 20);
        assertDecides(lowMed, highMed, BestPathComparator.MED);
    }

    @Test
    void medsFromDifferentNeighbourAsesAreNotCompared() {
        BgpRoute lowMedViaLumen = withMed(withNeighborAs(baseline(), 3356, "4.69.0.1"), 10);
        BgpRoute highMedViaNtt = withMed(withNeighborAs(baseline(), 2914, "1.1.1.1"), 500);
        assertDecides(highMedViaNtt, lowMedViaLumen, BestPathComparator.ROUTER_ID);
    }

    @Test
    void ebgpWinsOverIbgp() {
        BgpRoute external = withRouterId(withEbgp(baseline(), true), "9.9.9.9");
        BgpRoute internal = withRouterId(withEbgp(baseline(), false), "1.1.1.1");
        assertDecides(external, internal, BestPathComparator.EBGP);
    }

    @Test
    void lowestBgpIdentifierDecidesLastComparingAddressesNotText() {
        BgpRoute low = withRouterId(baseline(), "9.0.0.1");
        BgpRoute high = withRouterId(baseline(), "10.0.0.1");
        assertDecides(low, high, BestPathComparator.ROUTER_ID);
    }

    @Test
    void eliminationAppliesMedWithinEachNeighbourAsOnly() {
        // Pairwise, a beats b (MED, same AS), b beats c (router id) and c beats a (router id): no total order.
        // By elimination, MED removes b, then the router id picks c.
        BgpRoute a = withMed(withRouterId(baseline(), "4.69.0.3"), 0);
        BgpRoute b = withMed(withRouterId(baseline(), "4.69.0.1"), 50);
        BgpRoute c = withNeighborAs(baseline(), 2914, "4.69.0.2");
        assertThat(decision.best(List.of(a, b, c))).containsSame(c);
        assertThat(decision.best(List.of(c, b, a))).containsSame(c);
    }
}

package com.packetjourney.bgp.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The BGP decision process: the degree of preference (LOCAL_PREF, RFC 4271 §9.1.1) followed by the tie-breaking
 * rules of §9.1.2.2, in the RFC's order. Two steps of the RFC have nothing to decide here and are left out: every AS
 * has a single border router, so there is no interior cost to the NEXT_HOP (e), and the neighbour's router id is
 * also its address, so the peer-address rule (g) repeats the BGP Identifier rule (f).
 */
public final class BestPathComparator implements Comparator<BgpRoute> {

    /** One rule of the decision process; {@code preference} orders the preferred route first. */
    public record Step(String name, Comparator<BgpRoute> preference) {
    }

    public static final Step LOCAL_PREF = new Step("highest LOCAL_PREF",
            Comparator.comparingInt(BgpRoute::localPref).reversed());
    public static final Step AS_PATH = new Step("shortest AS_PATH",
            Comparator.comparingInt(r -> r.asPath().size()));
    public static final Step ORIGIN = new Step("lowest ORIGIN",
            Comparator.comparing(BgpRoute::origin));
    /** MEDs are only comparable between routes from the same neighbouring AS (§9.1.2.2 c). */
    public static final Step MED = new Step("lowest MED from the same neighbour AS",
            (a, b) -> a.neighborAs() == b.neighborAs() ? Long.compare(a.med(), b.med()) : 0);
    public static final Step EBGP = new Step("eBGP over iBGP",
            Comparator.comparing(r -> !r.ebgp()));
    public static final Step ROUTER_ID = new Step("lowest BGP identifier",
            Comparator.comparingLong(r -> r.neighborRouterId().longValue()));

    public static final List<Step> STEPS = List.of(LOCAL_PREF, AS_PATH, ORIGIN, MED, EBGP, ROUTER_ID);

    public static final BestPathComparator INSTANCE = new BestPathComparator();

    private BestPathComparator() {
    }

    /** The first step that tells the two routes apart decides; negative when {@code a} is preferred. */
    @Override
    public int compare(BgpRoute a, BgpRoute b) {
        for (Step step : STEPS) {
            int c = step.preference().compare(a, b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The step that decides between two routes, empty when none does. */
    public Optional<Step> decidingStep(BgpRoute a, BgpRoute b) {
        return STEPS.stream().filter(s -> s.preference().compare(a, b) != 0).findFirst();
    }

    /**
     * The best of the candidates, by elimination as §9.1.2.2 describes it: each step removes every route some other
     * remaining route beats. Pairwise sorting would not do, as the MED rule is not transitive across neighbour ASes.
     * Candidates left equal after every step are interchangeable; the first is kept.
     */
    public Optional<BgpRoute> best(Collection<BgpRoute> candidates) {
        List<BgpRoute> remaining = new ArrayList<>(candidates);
        for (Step step : STEPS) {
            List<BgpRoute> round = List.copyOf(remaining);
            remaining.removeIf(r -> round.stream().anyMatch(other -> step.preference().compare(other, r) < 0));
        }
        return remaining.stream().findFirst();
    }
}

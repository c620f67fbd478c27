package com.packetjourney.bgp.domain;

import java.util.ArrayList;
import java.util.List;

/** Test routes: a baseline eBGP route from AS3356 that each test changes in one attribute. */
final class Routes {
    private Routes() {
    }

    static BgpRoute route(String prefix, List<Long> asPath) {
        return new BgpRoute(Ipv4.prefix(prefix), asPath, Origin.IGP, 100, 0, asPath.get(0), Ipv4.address("10.0.0.1", "id"),
                LearnedFrom.PEER, true);
    }

    static BgpRoute baseline() {
        return route("54.216.0.0/15", List.of(3356L, 16509L));
    }

    static BgpRoute withLocalPref(BgpRoute r, int localPref) {
        return new BgpRoute(r.prefix(), r.asPath(), r.origin(), localPref, r.med(), r.neighborAs(),
                r.neighborRouterId(), r.learnedFrom(), r.ebgp());
    }

    static BgpRoute withAsPath(BgpRoute r, List<Long> asPath) {
        return new BgpRoute(r.prefix(), asPath, r.origin(), r.localPref(), r.med(), asPath.get(0),
                r.neighborRouterId(), r.learnedFrom(), r.ebgp());
    }

    static BgpRoute withOrigin(BgpRoute r, Origin origin) {
        return new BgpRoute(r.prefix(), r.asPath(), origin, r.localPref(), r.med(), r.neighborAs(),
                r.neighborRouterId(), r.learnedFrom(), r.ebgp());
    }

    static BgpRoute withMed(BgpRoute r, long med) {
        return new BgpRoute(r.prefix(), r.asPath(), r.origin(), r.localPref(), med, r.neighborAs(),
                r.neighborRouterId(), r.learnedFrom(), r.ebgp());
    }

    static BgpRoute withEbgp(BgpRoute r, boolean ebgp) {
        return new BgpRoute(r.prefix(), r.asPath(), r.origin(), r.localPref(), r.med(), r.neighborAs(),
                r.neighborRouterId(), r.learnedFrom(), ebgp);
    }

    static BgpRoute withRouterId(BgpRoute r, String routerId) {
        return new BgpRoute(r.prefix(), r.asPath(), r.origin(), r.localPref(), r.med(), r.neighborAs(),
                Ipv4.address(routerId, "id"), r.learnedFrom(), r.ebgp());
    }

    static BgpRoute withNeighborAs(BgpRoute r, long neighborAs, String routerId) {
        List<Long> path = new ArrayList<>(r.asPath());
        path.set(0, neighborAs);
        return new BgpRoute(r.prefix(), path, r.origin(), r.localPref(), r.med(), neighborAs,
                Ipv4.address(routerId, "id"), r.learnedFrom(), r.ebgp());
    }
}

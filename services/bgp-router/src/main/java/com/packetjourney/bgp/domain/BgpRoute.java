package com.packetjourney.bgp.domain;

import inet.ipaddr.ipv4.IPv4Address;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One BGP route as a speaker holds it: the prefix, its path attributes (RFC 4271 §5) and the session it came over.
 * {@code neighborAs} and {@code neighborRouterId} are the advertising neighbour (the speaker itself for a route it
 * originates); with one border router per AS the neighbour's router is also the BGP NEXT_HOP.
 */
public record BgpRoute(
        IPv4Address prefix,
        List<Long> asPath,
        Origin origin,
        int localPref,
        long med,
        long neighborAs,
        IPv4Address neighborRouterId,
        LearnedFrom learnedFrom,
        boolean ebgp) {

    public BgpRoute {
        Objects.requireNonNull(prefix, "prefix");
        asPath = List.copyOf(asPath);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(neighborRouterId, "neighborRouterId");
        Objects.requireNonNull(learnedFrom, "learnedFrom");
    }

    /** A prefix the AS announces itself (a "network" statement): empty AS_PATH, ORIGIN IGP. */
    public static BgpRoute originated(IPv4Address prefix, long asn, IPv4Address routerId) {
        return new BgpRoute(prefix, List.of(), Origin.IGP, LearnedFrom.ORIGINATED.localPref(), 0, asn, routerId,
                LearnedFrom.ORIGINATED, false);
    }

    /**
     * This route, the advertiser's best, as the receiving side of {@code session} stores it. The advertiser prepends
     * its AS (RFC 4271 §5.1.2); LOCAL_PREF is not sent to external peers, the receiver sets its own (§5.1.5); a MED
     * is never passed on beyond the neighbouring AS (§5.1.4) and the world configures none, so it arrives as 0.
     */
    public BgpRoute receivedOver(Session session) {
        List<Long> path = new ArrayList<>(asPath.size() + 1);
        path.add(session.neighborAs());
        path.addAll(asPath);
        LearnedFrom from = LearnedFrom.of(session.relationship());
        return new BgpRoute(prefix, path, origin, from.localPref(), 0, session.neighborAs(),
                session.neighborRouterId(), from, true);
    }

    public boolean isOriginated() {
        return learnedFrom == LearnedFrom.ORIGINATED;
    }

    /** The AS that originated the prefix: the last on the AS_PATH, or the holder itself when the path is empty. */
    public long originAs() {
        return asPath.isEmpty() ? neighborAs : asPath.get(asPath.size() - 1);
    }
}

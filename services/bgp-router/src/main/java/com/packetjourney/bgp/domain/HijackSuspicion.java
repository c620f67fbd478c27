package com.packetjourney.bgp.domain;

import inet.ipaddr.ipv4.IPv4Address;

import java.util.Optional;

/**
 * A possible prefix hijack as one router's Loc-RIB shows it: the route matched for a destination is a more specific
 * prefix originated by another AS than a less specific prefix covering it. Longest-prefix match sends the traffic
 * to the more specific one all the same (how Pakistan Telecom's /24 took YouTube's traffic in 2008). Without origin
 * validation (RPKI, RFC 6811) a router cannot tell this from a legitimately delegated more specific, hence a
 * suspicion, not a verdict.
 */
public record HijackSuspicion(IPv4Address moreSpecific, long moreSpecificOrigin, IPv4Address covering,
                              long coveringOrigin) {

    /** The suspicion about {@code matched}, an entry of {@code rib}: empty when every covering prefix has its origin. */
    public static Optional<HijackSuspicion> of(BgpRib rib, BgpRib.Entry matched) {
        long origin = matched.best().originAs();
        // the closest covering prefix from another origin: the one the more specific carves out of
        return rib.covering(matched.prefix()).stream()
                .filter(e -> e.best().originAs() != origin)
                .reduce((lessSpecific, moreSpecific) -> moreSpecific)
                .map(e -> new HijackSuspicion(matched.prefix(), origin, e.prefix(), e.best().originAs()));
    }

    public String warning() {
        return "possible hijack: " + moreSpecific + " is originated by AS" + moreSpecificOrigin + " but the covering "
                + covering + " by AS" + coveringOrigin + "; traffic follows the more specific " + moreSpecific
                + " (longest-prefix match)";
    }
}

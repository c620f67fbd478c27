package com.packetjourney.dns.domain;

/**
 * How the laptop's query reaches the resolver and the answer comes back: laptop to the home router over the LAN,
 * router (a DNS forwarder) to the ISP's recursive resolver, and the same way back.
 */
public record QueryPath(String forwarder, String recursiveResolver, long lanLinkLatencyMicros) {

    /**
     * Round trip between the home router and the ISP's resolver. A model constant: the world gives no figure
     * for the hop inside the ISP's access network, and a couple of milliseconds is typical for it.
     */
    public static final long ROUTER_TO_RESOLVER_RTT_MICROS = 2_000;

    public long roundTripMicros() {
        return 2 * lanLinkLatencyMicros + ROUTER_TO_RESOLVER_RTT_MICROS;
    }
}

package com.packetjourney.dns.domain;

/**
 * How the laptop's query reaches the resolver and the answer comes back: laptop to the home router over the LAN,
 * router (a DNS forwarder) to the ISP's recursive resolver, and the same way back. Each cache level on the way
 * ends the trip where it answers.
 */
public record QueryPath(String forwarder, String recursiveResolver, long lanLinkLatencyMicros) {

    /**
     * Round trip between the home router and the ISP's resolver. A model constant: the world gives no figure
     * for the hop inside the ISP's access network, and a couple of milliseconds is typical for it.
     */
    public static final long ROUTER_TO_RESOLVER_RTT_MICROS = 2_000;

    /** A browser host-cache hit is an in-process map lookup: no measurable time at this model's resolution. */
    public static final long BROWSER_CACHE_MICROS = 0;

    /**
     * A hit in the OS stub resolver's cache: one local IPC round trip to the resolver daemon (systemd-resolved,
     * mDNSResponder), tens of microseconds. A model constant.
     */
    public static final long OS_CACHE_MICROS = 50;

    /** Laptop to router and back: the forwarder answered from its cache. */
    public long routerRoundTripMicros() {
        return 2 * lanLinkLatencyMicros;
    }

    /** Laptop to the ISP's resolver and back; queries the resolver sends add their own round trips. */
    public long roundTripMicros() {
        return routerRoundTripMicros() + ROUTER_TO_RESOLVER_RTT_MICROS;
    }
}

package com.packetjourney.contracts.hop;

import java.util.List;

/**
 * The packet's way from the laptop to the edge of the destination's network: each router that forwarded it,
 * with the route it matched. {@code asPath} is the BGP AS_PATH of the route the ISP used. {@code hijackWarning}
 * is set when that route is a more specific prefix originated by another AS than the covering, less specific one
 * (a possible prefix hijack: traffic follows the more specific).
 */
public record PacketRouted(
        String source,
        String translatedSource,
        String destination,
        int destinationPort,
        String protocol,
        List<RouterHop> path,
        List<Long> asPath,
        String destinationPrefix,
        Long originAs,
        String hijackWarning) implements HopPayload {

    /** A route with nothing suspicious about it. */
    public PacketRouted(String source, String translatedSource, String destination, int destinationPort,
                        String protocol, List<RouterHop> path, List<Long> asPath, String destinationPrefix,
                        Long originAs) {
        this(source, translatedSource, destination, destinationPort, protocol, path, asPath, destinationPrefix,
                originAs, null);
    }

    /** One forwarding decision: which router, in which AS, matched which prefix and sent the packet where. */
    public record RouterHop(String router, Long asn, String matchedPrefix, String nextHop, String via,
                            List<Long> asPath, int ttl, long latencyMicros, String note) {
    }
}

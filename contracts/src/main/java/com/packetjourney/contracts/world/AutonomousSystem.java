package com.packetjourney.contracts.world;

import java.util.List;

/**
 * An autonomous system: its number, its border router, the prefixes it originates into BGP and its sessions
 * with neighbouring ASes (RFC 4271), each with the business relationship that governs export.
 */
public record AutonomousSystem(
        long asn,
        String name,
        String router,
        String routerId,
        List<String> originates,
        List<Neighbor> neighbors) {

    /** CUSTOMER: the neighbour pays us; PROVIDER: we pay it; PEER: settlement-free. */
    public enum Relationship {
        CUSTOMER, PROVIDER, PEER
    }

    public record Neighbor(long asn, Relationship relationship, long latencyMicros) {
    }
}

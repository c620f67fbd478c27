package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.world.AutonomousSystem.Relationship;

/**
 * Valley-free export (Gao and Rexford, "Stable Internet routing without global coordination", 2001): an AS
 * carries traffic for free only for paying customers. Routes it originates or learned from a customer go to every
 * neighbour; routes learned from a peer or a provider go only to customers, never to another peer or provider.
 */
public final class ExportPolicy {
    private ExportPolicy() {
    }

    /** Whether the AS holding {@code route} announces it to a neighbour that is its {@code to}. */
    public static boolean exports(BgpRoute route, Relationship to) {
        return switch (route.learnedFrom()) {
            case ORIGINATED, CUSTOMER -> true;
            case PEER, PROVIDER -> to == Relationship.CUSTOMER;
        };
    }
}

package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.world.AutonomousSystem.Relationship;

/**
 * How an AS came to know a route, which sets its LOCAL_PREF on import. The Gao-Rexford convention (customer 200 >
 * peer 100 > provider 50) follows the money: traffic sent to a customer is paid for by the customer, to a peer is
 * free, to a provider costs us, so an AS prefers the route that earns or saves the most. The AS's own prefixes rank
 * with its customers' and win on their empty AS_PATH.
 */
public enum LearnedFrom {
    ORIGINATED(200), CUSTOMER(200), PEER(100), PROVIDER(50);

    private final int localPref;

    LearnedFrom(int localPref) {
        this.localPref = localPref;
    }

    public int localPref() {
        return localPref;
    }

    /** The neighbour's relationship to us, as the session is configured. */
    public static LearnedFrom of(Relationship neighbor) {
        return switch (neighbor) {
            case CUSTOMER -> CUSTOMER;
            case PEER -> PEER;
            case PROVIDER -> PROVIDER;
        };
    }
}

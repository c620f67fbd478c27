package com.packetjourney.dhcp.domain;

import java.time.Duration;
import java.time.Instant;

/** A binding of an address to a client for a lease time, with the RFC 2131 §4.4.5 renewal timers. */
public record Lease(String lan, String clientMac, String address, Instant boundAt, long leaseSeconds) {

    public Instant expiresAt() {
        return boundAt.plusSeconds(leaseSeconds);
    }

    /** T1 defaults to 0.5 * duration_of_lease (RFC 2131 §4.4.5). */
    public Instant renewalTime() {
        return boundAt.plus(Duration.ofMillis(leaseSeconds * 500));
    }

    /** T2 defaults to 0.875 * duration_of_lease (RFC 2131 §4.4.5). */
    public Instant rebindingTime() {
        return boundAt.plus(Duration.ofMillis(leaseSeconds * 875));
    }

    public boolean isActiveAt(Instant at) {
        return at.isBefore(expiresAt());
    }

    public String key() {
        return lan + "|" + clientMac;
    }
}

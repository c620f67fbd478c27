package com.packetjourney.contracts.world;

import java.time.Instant;

/** A DHCP binding as logged by dhcp-server, keyed lan|mac; a tombstone is a released address. */
public record DhcpLease(String lan, String clientMac, String address, Instant boundAt, long leaseSeconds) {
    public String key() {
        return lan + "|" + clientMac;
    }
}

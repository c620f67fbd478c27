package com.packetjourney.dhcp.domain;

import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses one DHCP server may hand out on one LAN, and who holds which. An address bound to a client is
 * never offered to another while the lease is active.
 */
public final class LeasePool {
    private final String lan;
    private final long first;
    private final long last;
    private final long leaseSeconds;
    private final Map<String, Lease> byClient = new HashMap<>();
    private final Map<String, Lease> byAddress = new HashMap<>();

    public LeasePool(String lan, String firstAddress, String lastAddress, long leaseSeconds) {
        this.lan = lan;
        this.first = toLong(firstAddress);
        this.last = toLong(lastAddress);
        if (last < first) {
            throw new IllegalArgumentException("pool end " + lastAddress + " is before its start " + firstAddress);
        }
        this.leaseSeconds = leaseSeconds;
    }

    public String lan() {
        return lan;
    }

    public long leaseSeconds() {
        return leaseSeconds;
    }

    /** The client's current or most recent binding, active or not. */
    public Optional<Lease> bindingOf(String clientMac) {
        return Optional.ofNullable(byClient.get(clientMac));
    }

    /**
     * The address to offer, in RFC 2131 §4.3.1's order of preference: the client's current binding, else its
     * previous address if still free, else the lowest free address of the pool. Empty when the pool is exhausted.
     */
    public Optional<String> addressToOffer(String clientMac, Instant at) {
        Lease previous = byClient.get(clientMac);
        if (previous != null && isFreeFor(previous.address(), clientMac, at)) {
            return Optional.of(previous.address());
        }
        for (long a = first; a <= last; a++) {
            String address = toString(a);
            if (isFreeFor(address, clientMac, at)) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    /** Binds the address to the client from {@code at} for the pool's lease time (the DHCPACK). */
    public Lease bind(String clientMac, String address, Instant at) {
        if (!isFreeFor(address, clientMac, at)) {
            throw new IllegalStateException(address + " is bound to another client");
        }
        Lease lease = new Lease(lan, clientMac, address, at, leaseSeconds);
        restore(lease);
        return lease;
    }

    /** Puts back a binding read from the lease log (after a restart). */
    public void restore(Lease lease) {
        Lease old = byClient.put(lease.clientMac(), lease);
        if (old != null && !old.address().equals(lease.address())) {
            byAddress.remove(old.address());
        }
        byAddress.put(lease.address(), lease);
    }

    /** DHCPRELEASE: the address goes back to the pool. */
    public void release(String clientMac) {
        Lease old = byClient.remove(clientMac);
        if (old != null) {
            byAddress.remove(old.address());
        }
    }

    /** Every binding held, ordered by address. */
    public java.util.List<Lease> bindingsSnapshot() {
        return byAddress.values().stream().sorted(java.util.Comparator.comparingLong(l -> toLong(l.address()))).toList();
    }

    public int size() {
        return (int) (last - first + 1);
    }

    /** Active bindings of the pool's addresses; one kept from before the pool shrank is not one of them. */
    public int inUse(Instant at) {
        return (int) byAddress.values().stream().filter(l -> l.isActiveAt(at) && contains(l.address())).count();
    }

    private boolean contains(String address) {
        long a = toLong(address);
        return a >= first && a <= last;
    }

    /** Whether the server can bind the address to the client now: in the pool, and nobody else's active lease. */
    public boolean canBind(String address, String clientMac, Instant at) {
        return isFreeFor(address, clientMac, at);
    }

    private boolean isFreeFor(String address, String clientMac, Instant at) {
        if (!contains(address)) {
            return false;
        }
        Lease holder = byAddress.get(address);
        return holder == null || holder.clientMac().equals(clientMac) || !holder.isActiveAt(at);
    }

    static long toLong(String address) {
        IPv4Address v4 = new IPAddressString(address).getAddress().toIPv4();
        return v4.longValue();
    }

    static String toString(long value) {
        return new IPv4Address((int) value).toString();
    }
}

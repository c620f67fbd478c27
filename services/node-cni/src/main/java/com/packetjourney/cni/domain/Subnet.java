package com.packetjourney.cni.domain;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses of one VPC subnet and which of them are taken (by instances, ENIs or pods). AWS reserves the
 * first four addresses and the last one of every subnet (VPC User Guide, "Subnet CIDR reservations").
 */
public final class Subnet {
    private static final int RESERVED_AT_START = 4;

    private final String cidr;
    private final long firstUsable;
    private final long lastUsable;
    private final Set<Long> taken = new HashSet<>();

    public Subnet(String cidr) {
        IPAddress block = new IPAddressString(cidr).getAddress().toPrefixBlock();
        this.cidr = block.toString();
        this.firstUsable = block.getLower().toIPv4().longValue() + RESERVED_AT_START;
        this.lastUsable = block.getUpper().toIPv4().longValue() - 1;
    }

    public String cidr() {
        return cidr;
    }

    public boolean contains(String ip) {
        long value = value(ip);
        return value >= firstUsable && value <= lastUsable;
    }

    /** Marks the address as taken; false when it is outside the usable range or already taken. */
    public boolean take(String ip) {
        return contains(ip) && taken.add(value(ip));
    }

    public void release(String ip) {
        taken.remove(value(ip));
    }

    /** Takes the first free address after {@code after}, wrapping around to the start of the subnet. */
    public Optional<String> takeNextAfter(String after) {
        long size = lastUsable - firstUsable + 1;
        long start = contains(after) ? value(after) - firstUsable + 1 : 0;
        for (long i = 0; i < size; i++) {
            long candidate = firstUsable + (start + i) % size;
            if (taken.add(candidate)) {
                return Optional.of(address(candidate));
            }
        }
        return Optional.empty();
    }

    static long value(String ip) {
        return new IPAddressString(ip).getAddress().toIPv4().longValue();
    }

    static String address(long value) {
        return new IPv4Address((int) value).toString();
    }
}

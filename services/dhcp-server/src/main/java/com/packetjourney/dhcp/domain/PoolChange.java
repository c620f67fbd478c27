package com.packetjourney.dhcp.domain;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.world.LanSegment;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * A new address pool (and optionally lease time) for a LAN's DHCP server, checked against the LAN: both ends are
 * host addresses of the LAN's subnet (not its network or broadcast address), the start is not after the end, the
 * range leaves out the router's own address, and the lease time is one DHCP can carry.
 */
public final class PoolChange {
    /**
     * RFC 2132 §9.2: the lease time is a 32-bit unsigned count of seconds, where 0xffffffff means infinite; an
     * infinite lease is not simulated, so one less is the longest.
     */
    static final long MAX_LEASE_SECONDS = 0xfffffffeL;

    private static final IPAddressStringParameters DOTTED_QUAD = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowSingleSegment(false)
            .allow_inet_aton(false)
            .allowIPv6(false)
            .allowMask(false)
            .allowPrefix(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .toParams();

    private PoolChange() {
    }

    /**
     * The LAN with the new pool; a null {@code leaseSeconds} keeps the current lease time.
     *
     * @throws Refused naming the first field that is wrong: poolStart, poolEnd or leaseSeconds
     */
    public static LanSegment apply(LanSegment lan, String poolStart, String poolEnd, String leaseSeconds) {
        IPAddress subnet = new IPAddressString(lan.cidr()).getAddress().toPrefixBlock();
        long start = hostOf(subnet, poolStart, "poolStart");
        long end = hostOf(subnet, poolEnd, "poolEnd");
        if (start > end) {
            throw Refused.invalid("poolEnd", poolEnd.trim() + " is before the pool's start "
                    + poolStart.trim());
        }
        long router = LeasePool.toLong(lan.routerIp());
        if (start <= router && router <= end) {
            throw Refused.invalid("poolStart", "the range " + poolStart.trim() + "-" + poolEnd.trim()
                    + " holds the router's own address " + lan.routerIp());
        }
        long lease = leaseSeconds == null ? lan.leaseSeconds() : leaseSeconds(leaseSeconds);
        return new LanSegment(lan.id(), lan.cidr(), lan.routerName(), lan.routerIp(), lan.wanIp(), lan.ispAsn(),
                LeasePool.toString(start), LeasePool.toString(end), lease, lan.dnsServers(), lan.recursiveResolver(),
                lan.linkLatencyMicros());
    }

    /** How many addresses the LAN's pool holds. */
    public static long size(LanSegment lan) {
        return LeasePool.toLong(lan.poolEnd()) - LeasePool.toLong(lan.poolStart()) + 1;
    }

    private static long hostOf(IPAddress subnet, String text, String field) {
        if (text == null || text.isBlank()) {
            throw Refused.invalid(field, "is required, an IPv4 address in " + subnet);
        }
        IPAddress address = new IPAddressString(text.trim(), DOTTED_QUAD).getAddress();
        if (address == null) {
            throw Refused.invalid(field, "'" + text.trim()
                    + "' is not an IPv4 address in dotted-quad notation");
        }
        if (!subnet.contains(address)) {
            throw Refused.invalid(field, address + " is outside the LAN's subnet " + subnet);
        }
        // The all-zeros and all-ones hosts name the subnet itself and its broadcast (RFC 919 §7, RFC 922 §7).
        if (address.equals(subnet.getLower().withoutPrefixLength())
                || address.equals(subnet.getUpper().withoutPrefixLength())) {
            throw Refused.invalid(field, address + " is the network or broadcast address of " + subnet);
        }
        return address.toIPv4().longValue();
    }

    private static long leaseSeconds(String text) {
        long seconds;
        try {
            seconds = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw Refused.invalid("leaseSeconds", "'" + text.trim() + "' is not a whole number of seconds");
        }
        if (seconds <= 0 || seconds > MAX_LEASE_SECONDS) {
            throw Refused.invalid("leaseSeconds", seconds + " is not in 1.." + MAX_LEASE_SECONDS);
        }
        return seconds;
    }
}

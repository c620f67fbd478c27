package com.packetjourney.bgp.domain;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;

import java.util.Optional;

/**
 * Reading IPv4 addresses and CIDR prefixes from text. Strict dotted quads only: the library would otherwise also
 * accept inet_aton forms such as "10.1" or wildcards, which in a world file or a query are typos, not addresses.
 */
public final class Ipv4 {
    private static final IPAddressStringParameters ADDRESS = strict(false);
    private static final IPAddressStringParameters PREFIX = strict(true);

    private Ipv4() {
    }

    /** A single address such as "54.217.10.21"; empty when the text is anything else. */
    public static Optional<IPv4Address> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        IPAddress address = new IPAddressString(text.trim(), ADDRESS).getAddress();
        return address == null ? Optional.empty() : Optional.of(address.toIPv4());
    }

    /** A single address, or IllegalArgumentException naming what the text was for. */
    public static IPv4Address address(String text, String what) {
        return address(text).orElseThrow(() -> new IllegalArgumentException(what + " is not an IPv4 address: " + text));
    }

    /** A prefix in CIDR notation such as "54.216.0.0/15", as its prefix block (host bits cleared). */
    public static IPv4Address prefix(String cidr) {
        IPAddress prefix = cidr == null ? null : new IPAddressString(cidr.trim(), PREFIX).getAddress();
        if (prefix == null || prefix.getNetworkPrefixLength() == null) {
            throw new IllegalArgumentException("not an IPv4 prefix in CIDR notation: " + cidr);
        }
        return prefix.toIPv4().toPrefixBlock();
    }

    /**
     * A prefix in CIDR notation whose address has no bits set beyond the mask: "54.217.40.0/24", not
     * "54.217.40.22/24", which a router refuses as an inconsistent address and mask.
     */
    public static IPv4Address exactPrefix(String cidr) {
        IPv4Address block = prefix(cidr);
        if (!new IPAddressString(cidr.trim(), PREFIX).getAddress().isPrefixBlock()) {
            throw new IllegalArgumentException(cidr.trim() + " has host bits set beyond the /"
                    + block.getNetworkPrefixLength() + " mask: the prefix is " + block);
        }
        return block;
    }

    private static IPAddressStringParameters strict(boolean prefix) {
        return new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowSingleSegment(false)
                .allow_inet_aton(false)
                .allowIPv6(false)
                .allowMask(false)
                .allowPrefix(prefix)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE)
                .toParams();
    }
}

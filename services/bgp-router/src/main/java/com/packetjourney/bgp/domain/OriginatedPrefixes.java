package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.world.AutonomousSystem;
import inet.ipaddr.ipv4.IPv4Address;

import java.util.ArrayList;
import java.util.List;

/**
 * The prefixes an AS originates into BGP (its "network" statements), changed one announcement or withdrawal at a
 * time. Prefixes compare as address blocks, so the record's own spelling of a prefix does not matter.
 */
public final class OriginatedPrefixes {
    private OriginatedPrefixes() {
    }

    public static boolean announces(AutonomousSystem as, IPv4Address prefix) {
        return originates(as).stream().anyMatch(p -> Ipv4.prefix(p).equals(prefix));
    }

    /** The AS with {@code prefix} added to what it originates (the caller checked it was not already there). */
    public static AutonomousSystem announce(AutonomousSystem as, IPv4Address prefix) {
        List<String> next = new ArrayList<>(originates(as));
        next.add(prefix.toString());
        return with(as, next);
    }

    /** The AS without {@code prefix} among what it originates. */
    public static AutonomousSystem withdraw(AutonomousSystem as, IPv4Address prefix) {
        return with(as, originates(as).stream().filter(p -> !Ipv4.prefix(p).equals(prefix)).toList());
    }

    private static List<String> originates(AutonomousSystem as) {
        return as.originates() == null ? List.of() : as.originates();
    }

    private static AutonomousSystem with(AutonomousSystem as, List<String> originates) {
        return new AutonomousSystem(as.asn(), as.name(), as.router(), as.routerId(), List.copyOf(originates),
                as.neighbors());
    }
}

package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.world.LanSegment;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie.IPv4AssociativeTrieNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The forwarding table of a device that does not speak BGP (the laptop, the home router): its connected LAN and a
 * static default route, matched longest prefix first.
 */
public final class RoutingTable {
    static final IPv4Address DEFAULT_ROUTE = Ipv4.prefix("0.0.0.0/0");

    /** One route; a connected route has no next hop: the destination is on the link itself. */
    public record Entry(IPv4Address prefix, String nextHop, String via) {
        public boolean isConnected() {
            return nextHop == null;
        }
    }

    private final IPv4AddressAssociativeTrie<Entry> trie = new IPv4AddressAssociativeTrie<>();

    public RoutingTable(List<Entry> entries) {
        entries.forEach(e -> trie.put(e.prefix(), e));
    }

    /** The laptop's table as DHCP configured it: the LAN on its interface, and a default route via the gateway if any. */
    public static RoutingTable host(LanSegment lan, String gateway, String iface) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(Ipv4.prefix(lan.cidr()), null, iface));
        if (gateway != null) {
            entries.add(new Entry(DEFAULT_ROUTE, gateway, iface));
        }
        return new RoutingTable(entries);
    }

    /** The home router's table: the LAN behind it, and everything else out of its WAN port to the ISP's router. */
    public static RoutingTable homeRouter(LanSegment lan, String lanIface, String ispRouter, String wanIface) {
        return new RoutingTable(List.of(
                new Entry(Ipv4.prefix(lan.cidr()), null, lanIface),
                new Entry(DEFAULT_ROUTE, ispRouter, wanIface)));
    }

    public Optional<Entry> lookup(IPv4Address destination) {
        IPv4AssociativeTrieNode<Entry> node = trie.longestPrefixMatchNode(destination);
        return node == null ? Optional.empty() : Optional.of(node.getValue());
    }
}

package com.packetjourney.contracts.world;

import java.util.List;

/**
 * A home LAN: its subnet, the router that serves DHCP and forwards DNS, the router's public (WAN) address given
 * by the ISP, and the ISP's recursive resolver the router forwards to.
 */
public record LanSegment(
        String id,
        String cidr,
        String routerName,
        String routerIp,
        String wanIp,
        long ispAsn,
        String poolStart,
        String poolEnd,
        long leaseSeconds,
        List<String> dnsServers,
        String recursiveResolver,
        long linkLatencyMicros) {
}

package com.packetjourney.contracts.hop;

/** What one hop decided. Each hop type has exactly one payload record; see {@link com.packetjourney.contracts.HopType}. */
public sealed interface HopPayload
        permits JourneyRequested, DhcpConfigured, DnsResolved, PacketRouted, AlbForwarded, PodResponded {
}

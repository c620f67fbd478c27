package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.world.AutonomousSystem.Relationship;
import inet.ipaddr.ipv4.IPv4Address;

/**
 * One side's view of an eBGP session between two border routers: who the neighbour is, what it is to us, and the
 * one-way latency of the link between them.
 */
public record Session(long localAs, long neighborAs, String neighborRouter, IPv4Address neighborRouterId,
                      Relationship relationship, long latencyMicros) {
}

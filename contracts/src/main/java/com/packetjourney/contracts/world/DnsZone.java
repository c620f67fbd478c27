package com.packetjourney.contracts.world;

import java.util.List;

/**
 * One DNS zone and the servers authoritative for it. {@code masterFile} holds the zone's records in RFC 1035 §5
 * master file format, so zones can be written (and diffed) as real zone files.
 */
public record DnsZone(String origin, List<NameServer> servers, String masterFile) {

    /** An authoritative server of the zone and the round-trip time to reach it. */
    public record NameServer(String name, String ip, long rttMicros) {
    }
}

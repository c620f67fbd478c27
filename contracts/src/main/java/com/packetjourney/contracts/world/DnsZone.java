package com.packetjourney.contracts.world;

import java.util.List;

/**
 * One DNS zone and the servers authoritative for it. {@code masterFile} holds the zone's records in RFC 1035 §5
 * master file format, so zones can be written (and diffed) as real zone files. {@code aliases} are Route 53 alias
 * records, which no master file can express: the zone answers a query for the alias's name and type with the
 * target's records, under the alias's name and with the target's TTL. Null or absent in zones without aliases.
 */
public record DnsZone(String origin, List<NameServer> servers, String masterFile, List<AliasRecord> aliases) {

    /** A zone of master-file records only. */
    public DnsZone(String origin, List<NameServer> servers, String masterFile) {
        this(origin, servers, masterFile, null);
    }

    /** An authoritative server of the zone and the round-trip time to reach it. */
    public record NameServer(String name, String ip, long rttMicros) {
    }

    /**
     * A Route 53 alias record (Route 53 Developer Guide, "Choosing between alias and non-alias records"): {@code name}
     * absolute or relative to the origin ({@code @} for the apex), {@code type} A or AAAA, {@code target} the absolute
     * name whose records answer for it, e.g. an ALB's DNS name.
     */
    public record AliasRecord(String name, String type, String target) {
    }
}

package com.packetjourney.contracts.hop;

import java.util.List;

/**
 * How the host name became an address: which cache level answered ({@code answeredBy}), each cache consulted on
 * the way ({@code cacheLookups}), each query the recursive resolver sent and what came back, in order, and the
 * CNAME chain followed. {@code address} is the one the browser connects to; {@code ttlSeconds} is the TTL the
 * answer had left where it came from. {@code cacheFills} is what each cache stored on the way back, so that
 * dns-resolver can rebuild its caches from this topic alone.
 */
public record DnsResolved(
        String question,
        String answeredBy,
        List<DnsStep> steps,
        List<String> cnameChain,
        List<String> addresses,
        String address,
        Long ttlSeconds,
        List<CacheLookup> cacheLookups,
        List<CacheFill> cacheFills) implements HopPayload {

    public static final String BY_BROWSER_CACHE = "browser-cache";
    public static final String BY_OS_CACHE = "os-cache";
    public static final String BY_ROUTER_CACHE = "router-cache";
    public static final String BY_RESOLVER_CACHE = "resolver-cache";
    /** The resolver had to query authoritative servers; {@code steps} says which. */
    public static final String BY_ITERATIVE = "iterative";

    /** A resolution without cache lookups (no name was looked up, or it failed before any cache was asked). */
    public DnsResolved(String question, String answeredBy, List<DnsStep> steps, List<String> cnameChain,
                       List<String> addresses, String address, Long ttlSeconds) {
        this(question, answeredBy, steps, cnameChain, addresses, address, ttlSeconds, List.of(), List.of());
    }

    /**
     * One query and its response. {@code kind} is REFERRAL, ANSWER, CNAME, NXDOMAIN, NODATA or NO_RESPONSE;
     * {@code response} is the response in dig's presentation format; {@code queryWire} and {@code responseWire}
     * are both messages as sent on the wire (RFC 1035 §4), base64-encoded; responseWire is null without response.
     * {@code forNameServer} names the name server whose address the query looks up on the side (its zone's
     * referral came without glue); null for the question's own queries and in events written before it existed.
     */
    public record DnsStep(String server, String serverIp, String zone, String query, String kind, String response,
                          long latencyMicros, String queryWire, String responseWire, String forNameServer) {

        public DnsStep(String server, String serverIp, String zone, String query, String kind, String response,
                       long latencyMicros, String queryWire, String responseWire) {
            this(server, serverIp, zone, query, kind, response, latencyMicros, queryWire, responseWire, null);
        }

        public DnsStep(String server, String serverIp, String zone, String query, String kind, String response,
                       long latencyMicros) {
            this(server, serverIp, zone, query, kind, response, latencyMicros, null, null);
        }
    }

    /**
     * One cache level consulted, in order: {@code level} is browser, os, router or resolver; {@code result} is HIT,
     * MISS, EXPIRED or NEGATIVE_HIT (a cached NXDOMAIN or NODATA, RFC 2308). {@code ttlRemainingSeconds} is the
     * TTL left on a hit, minus the seconds since expiry when EXPIRED, and null on a MISS.
     */
    public record CacheLookup(String level, String result, Long ttlRemainingSeconds) {
        public static final String HIT = "HIT";
        public static final String MISS = "MISS";
        public static final String EXPIRED = "EXPIRED";
        public static final String NEGATIVE_HIT = "NEGATIVE_HIT";
    }

    /**
     * An entry one cache stored when the answer came back, at the hop's simulated end: {@code level}, {@code cache}
     * (the client, LAN id or resolver address it belongs to), its key ({@code name}, {@code type}), {@code negative}
     * (NXDOMAIN or NODATA for an RFC 2308 negative entry, else null) and {@code records} in master-file text with
     * the TTL they were stored with (a negative entry holds the SOA that bounds it).
     */
    public record CacheFill(String level, String cache, String name, String type, String negative,
                            List<String> records) {
    }
}

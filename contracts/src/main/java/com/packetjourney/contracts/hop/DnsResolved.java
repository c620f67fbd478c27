package com.packetjourney.contracts.hop;

import java.util.List;

/**
 * How the host name became an address: each query the recursive resolver sent and what came back, in order,
 * and the CNAME chain followed. {@code address} is the one the browser connects to.
 */
public record DnsResolved(
        String question,
        String answeredBy,
        List<DnsStep> steps,
        List<String> cnameChain,
        List<String> addresses,
        String address,
        Long ttlSeconds) implements HopPayload {

    /**
     * One query and its response. {@code kind} is REFERRAL, ANSWER, CNAME, NXDOMAIN, NODATA or NO_RESPONSE;
     * {@code response} is the response in dig's presentation format.
     */
    public record DnsStep(String server, String serverIp, String zone, String query, String kind, String response,
                          long latencyMicros) {
    }
}

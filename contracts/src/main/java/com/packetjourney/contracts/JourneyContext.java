package com.packetjourney.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the packet knows so far, carried forward from hop to hop so that each service reads only the envelope of
 * the event before it, never an earlier hop's payload. Each hop returns a copy with the fields it learned filled in.
 *
 * @param publicSourceIp   the source address after the home router's NAT
 * @param publicSourcePort the source port after the home router's NAT, as the load balancer sees it
 * @param originAs         the autonomous system originating the route the packet followed to the server
 * @param loadBalancerZone the availability zone of the load balancer node that forwarded the request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyContext(
        String url,
        String scheme,
        String host,
        Integer port,
        String path,
        String client,
        String clientMac,
        String clientIp,
        String gateway,
        String dnsServer,
        String serverIp,
        String publicSourceIp,
        Integer publicSourcePort,
        Long originAs,
        String targetIp,
        Integer targetPort,
        String loadBalancerZone) {

    public static JourneyContext request(String url, String scheme, String host, int port, String path,
                                         String client, String clientMac) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac,
                null, null, null, null, null, null, null, null, null, null);
    }

    public JourneyContext withLease(String clientIp, String gateway, String dnsServer) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac, clientIp, gateway, dnsServer,
                serverIp, publicSourceIp, publicSourcePort, originAs, targetIp, targetPort, loadBalancerZone);
    }

    public JourneyContext withServerIp(String serverIp) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac, clientIp, gateway, dnsServer,
                serverIp, publicSourceIp, publicSourcePort, originAs, targetIp, targetPort, loadBalancerZone);
    }

    /** Where the packet went: the route's origin AS, and the source as the home router's NAT translated it. */
    public JourneyContext withRoute(Long originAs, String publicSourceIp, Integer publicSourcePort) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac, clientIp, gateway, dnsServer,
                serverIp, publicSourceIp, publicSourcePort, originAs, targetIp, targetPort, loadBalancerZone);
    }

    /** The target the load balancer node in {@code loadBalancerZone} forwards to. */
    public JourneyContext withTarget(String targetIp, int targetPort, String loadBalancerZone) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac, clientIp, gateway, dnsServer,
                serverIp, publicSourceIp, publicSourcePort, originAs, targetIp, targetPort, loadBalancerZone);
    }
}

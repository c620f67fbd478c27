package com.packetjourney.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the packet knows so far, carried forward from hop to hop so each service needs only the previous event.
 * Each hop returns a copy with the fields it learned filled in.
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
        String targetIp,
        Integer targetPort) {

    public static JourneyContext request(String url, String scheme, String host, int port, String path,
                                         String client, String clientMac) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac,
                null, null, null, null, null, null, null);
    }

    public JourneyContext withLease(String clientIp, String gateway, String dnsServer) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac, clientIp, gateway, dnsServer,
                serverIp, publicSourceIp, targetIp, targetPort);
    }

    public JourneyContext withServerIp(String serverIp) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac, clientIp, gateway, dnsServer,
                serverIp, publicSourceIp, targetIp, targetPort);
    }

    public JourneyContext withPublicSourceIp(String publicSourceIp) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac, clientIp, gateway, dnsServer,
                serverIp, publicSourceIp, targetIp, targetPort);
    }

    public JourneyContext withTarget(String targetIp, int targetPort) {
        return new JourneyContext(url, scheme, host, port, path, client, clientMac, clientIp, gateway, dnsServer,
                serverIp, publicSourceIp, targetIp, targetPort);
    }
}

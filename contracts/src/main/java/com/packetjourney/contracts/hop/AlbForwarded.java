package com.packetjourney.contracts.hop;

import java.util.List;

/**
 * What the Application Load Balancer did: the node that took the connection, the listener and TLS session,
 * the rule that matched and the target it picked.
 */
public record AlbForwarded(
        String loadBalancer,
        String albNodeIp,
        String availabilityZone,
        List<String> tcpHandshake,
        String listener,
        Tls tls,
        Rule rule,
        String targetGroup,
        String algorithm,
        Target target,
        List<TargetLoad> candidates) implements HopPayload {

    public record Tls(String sni, String certificateArn, String certificateMatch, String version, String cipher,
                      String alpn) {
    }

    public record Rule(int priority, String conditions, String action) {
    }

    /** The chosen target and the control-plane event that registered it. */
    public record Target(String ip, int port, String pod, String registeredBy) {
    }

    /** One healthy target with its outstanding requests at the time of choice. */
    public record TargetLoad(String ip, int port, int outstandingRequests) {
    }
}

package com.packetjourney.contracts.hop;

import java.util.List;

/**
 * What the Application Load Balancer did: the node that took the connection, the listener and TLS session,
 * the rule that matched, the target it picked and the request it sent there ({@code backendRequest}, null in
 * events written before it existed).
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
        List<TargetLoad> candidates,
        BackendRequest backendRequest) implements HopPayload {

    public AlbForwarded(String loadBalancer, String albNodeIp, String availabilityZone, List<String> tcpHandshake,
                        String listener, Tls tls, Rule rule, String targetGroup, String algorithm, Target target,
                        List<TargetLoad> candidates) {
        this(loadBalancer, albNodeIp, availabilityZone, tcpHandshake, listener, tls, rule, targetGroup, algorithm,
                target, candidates, null);
    }

    /**
     * The ALB's own connection to the target (the handshake from its private address) and the request as it sends
     * it there, headers as "name: value" lines (X-Forwarded-For, -Proto, -Port, X-Amzn-Trace-Id added).
     */
    public record BackendRequest(List<String> connection, String requestLine, List<String> headers) {
    }

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

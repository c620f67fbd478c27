package com.packetjourney.contracts.k8s;

import java.util.List;

/**
 * The listeners, rules and target groups the ALB controller reconciled from an Ingress, keyed by load balancer.
 */
public record AlbConfig(String loadBalancer, String ingress, List<Listener> listeners, List<TargetGroup> targetGroups) {

    public record Listener(int port, String protocol, List<String> certificateArns, List<Rule> rules,
                           String defaultAction) {
    }

    /** Conditions per ALB rule: host-header and path-pattern values (ANDed across types, ORed within one). */
    public record Rule(int priority, List<String> hostHeaders, List<String> pathPatterns, String targetGroup) {
    }

    /**
     * {@code deregistrationDelaySeconds} is how long a deregistered target stays draining
     * (deregistration_delay.timeout_seconds, 300 unless the Ingress says otherwise).
     */
    public record TargetGroup(String name, String protocol, int port, String targetType, String algorithm,
                              String service, int deregistrationDelaySeconds) {
    }
}

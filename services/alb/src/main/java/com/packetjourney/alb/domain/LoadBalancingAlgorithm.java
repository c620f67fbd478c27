package com.packetjourney.alb.domain;

/** The target group attribute load_balancing.algorithm.type; AWS's default is round_robin. */
public enum LoadBalancingAlgorithm {
    ROUND_ROBIN("round_robin"),
    LEAST_OUTSTANDING_REQUESTS("least_outstanding_requests");

    private final String attribute;

    LoadBalancingAlgorithm(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }

    public static LoadBalancingAlgorithm fromAttribute(String value) {
        for (LoadBalancingAlgorithm a : values()) {
            if (a.attribute.equals(value)) {
                return a;
            }
        }
        return ROUND_ROBIN;
    }
}

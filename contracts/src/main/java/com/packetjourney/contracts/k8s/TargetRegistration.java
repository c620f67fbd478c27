package com.packetjourney.contracts.k8s;

/** One IP target registered in a target group by the ALB controller for a ready pod. */
public record TargetRegistration(String targetGroup, String ip, int port, String pod, String state, String eventId) {
    public static final String HEALTHY = "healthy";
    public static final String DRAINING = "draining";

    public String key() {
        return targetGroup + "|" + ip + ":" + port;
    }
}

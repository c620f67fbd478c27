package com.packetjourney.k8s.domain;

/**
 * A Deployment's RollingUpdate strategy with Kubernetes' defaults, maxSurge 25% and maxUnavailable 25% of the
 * replicas: the surge rounds up and the unavailability down, and when both come to 0 one pod may be unavailable,
 * so the rollout can progress (ResolveFenceposts in kubernetes/pkg/controller/deployment/util).
 */
public record RollingUpdate(int maxSurge, int maxUnavailable) {
    public static final int DEFAULT_PERCENT = 25;

    public static RollingUpdate defaults(int replicas) {
        int surge = (replicas * DEFAULT_PERCENT + 99) / 100;
        int unavailable = replicas * DEFAULT_PERCENT / 100;
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new RollingUpdate(surge, unavailable);
    }

    /** How many pods of the new ReplicaSet to add now: up to the replicas, within replicas + maxSurge in all. */
    public int scaleUp(int replicas, int newPods, int oldPods) {
        return Math.max(0, Math.min(replicas - newPods, replicas + maxSurge - (newPods + oldPods)));
    }

    /** The fewest available pods the rollout keeps. */
    public int minAvailable(int replicas) {
        return replicas - maxUnavailable;
    }
}

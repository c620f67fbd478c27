package com.packetjourney.k8s.domain;

import java.util.Map;

/**
 * How many pods the kubelet of an EKS node admits. EKS sets --max-pods from the VPC CNI's formula
 * ENIs x (IPv4 addresses per ENI - 1) + 2 (EKS User Guide, eni-max-pods.txt). Only the scenario's instance types
 * and the t3/m5 families are listed here; node-cni owns the full table of ENI limits.
 */
public final class NodeCapacity {
    /** The kubelet's own default --max-pods, used for an instance type this table does not know. */
    public static final int KUBELET_DEFAULT_MAX_PODS = 110;

    private record EniLimits(int enis, int ipv4PerEni) {
    }

    private static final Map<String, EniLimits> LIMITS = Map.ofEntries(
            Map.entry("t3.nano", new EniLimits(2, 2)),
            Map.entry("t3.micro", new EniLimits(2, 2)),
            Map.entry("t3.small", new EniLimits(3, 4)),
            Map.entry("t3.medium", new EniLimits(3, 6)),
            Map.entry("t3.large", new EniLimits(3, 12)),
            Map.entry("t3.xlarge", new EniLimits(4, 15)),
            Map.entry("t3.2xlarge", new EniLimits(4, 15)),
            Map.entry("m5.large", new EniLimits(3, 10)),
            Map.entry("m5.xlarge", new EniLimits(4, 15)),
            Map.entry("m5.2xlarge", new EniLimits(4, 15)),
            Map.entry("m5.4xlarge", new EniLimits(8, 30)));

    private NodeCapacity() {
    }

    public static int maxPods(String instanceType) {
        EniLimits limits = LIMITS.get(instanceType);
        return limits == null ? KUBELET_DEFAULT_MAX_PODS : limits.enis() * (limits.ipv4PerEni() - 1) + 2;
    }
}

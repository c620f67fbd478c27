package com.packetjourney.cni.domain;

import java.util.Map;
import java.util.Optional;

/**
 * How many ENIs an EC2 instance type can attach and how many IPv4 addresses each ENI holds (EC2 User Guide,
 * "IP addresses per network interface per instance type"), and the max pods the VPC CNI derives from them.
 */
public record InstanceLimits(String instanceType, int enis, int ipv4PerEni) {

    private static final Map<String, InstanceLimits> TABLE = Map.ofEntries(
            entry("t3.nano", 2, 2), entry("t3.micro", 2, 2), entry("t3.small", 3, 4), entry("t3.medium", 3, 6),
            entry("t3.large", 3, 12), entry("t3.xlarge", 4, 15), entry("t3.2xlarge", 4, 15),
            entry("m5.large", 3, 10), entry("m5.xlarge", 4, 15), entry("m5.2xlarge", 4, 15),
            entry("m5.4xlarge", 8, 30),
            entry("c5.large", 3, 10), entry("c5.xlarge", 4, 15), entry("c5.2xlarge", 4, 15),
            entry("c5.4xlarge", 8, 30),
            entry("r5.large", 3, 10), entry("r5.xlarge", 4, 15), entry("r5.2xlarge", 4, 15),
            entry("r5.4xlarge", 8, 30),
            entry("p3dn.24xlarge", 15, 50));

    public static Optional<InstanceLimits> of(String instanceType) {
        return Optional.ofNullable(TABLE.get(instanceType));
    }

    /** Each ENI's primary address belongs to the ENI itself; the others can go to pods. */
    public int podIpsPerEni() {
        return ipv4PerEni - 1;
    }

    /**
     * ENIs x (IPv4 per ENI - 1) + 2, as in EKS's eni-max-pods.txt: the +2 are the host-network pods (aws-node,
     * kube-proxy) that need no address of their own.
     */
    public int maxPods() {
        return enis * podIpsPerEni() + 2;
    }

    private static Map.Entry<String, InstanceLimits> entry(String type, int enis, int ipv4PerEni) {
        return Map.entry(type, new InstanceLimits(type, enis, ipv4PerEni));
    }
}

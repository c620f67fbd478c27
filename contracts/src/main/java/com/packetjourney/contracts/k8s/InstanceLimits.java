package com.packetjourney.contracts.k8s;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many ENIs an EC2 instance type can attach and how many IPv4 addresses each ENI holds (EC2 User Guide,
 * "Maximum IP addresses per network interface"), and the max pods EKS derives from them. One table for the
 * scheduler (k8s-api) and the VPC CNI (node-cni), so both agree on what a node can run and address.
 * Every size of the m5, c5, r5 and t3 families, and p3dn.24xlarge (the example of the CNI's
 * docs/eni-and-ip-target.md).
 */
public record InstanceLimits(String instanceType, int enis, int ipv4PerEni) {

    private static final Map<String, InstanceLimits> TABLE = new TreeMap<>();

    static {
        family("t3", "nano", 2, 2, "micro", 2, 2, "small", 3, 4, "medium", 3, 6, "large", 3, 12, "xlarge", 4, 15,
                "2xlarge", 4, 15);
        // m5, c5 and r5 share their ENI limits size by size; the names of the sizes differ
        family("m5", "large", 3, 10, "xlarge", 4, 15, "2xlarge", 4, 15, "4xlarge", 8, 30, "8xlarge", 8, 30,
                "12xlarge", 8, 30, "16xlarge", 15, 50, "24xlarge", 15, 50, "metal", 15, 50);
        family("c5", "large", 3, 10, "xlarge", 4, 15, "2xlarge", 4, 15, "4xlarge", 8, 30, "9xlarge", 8, 30,
                "12xlarge", 8, 30, "18xlarge", 15, 50, "24xlarge", 15, 50, "metal", 15, 50);
        family("r5", "large", 3, 10, "xlarge", 4, 15, "2xlarge", 4, 15, "4xlarge", 8, 30, "8xlarge", 8, 30,
                "12xlarge", 8, 30, "16xlarge", 15, 50, "24xlarge", 15, 50, "metal", 15, 50);
        family("p3dn", "24xlarge", 15, 50);
    }

    public static Optional<InstanceLimits> of(String instanceType) {
        return Optional.ofNullable(instanceType == null ? null : TABLE.get(instanceType));
    }

    /**
     * The limits of a node's instance type, or an error that says which node and type, so a world with a node
     * nothing could address is refused when it is loaded rather than leaving its pods without addresses.
     */
    public static InstanceLimits of(Node node) {
        return of(node.instanceType()).orElseThrow(() -> new IllegalArgumentException("node " + node.name()
                + ": unknown instance type '" + node.instanceType() + "'; its max pods and ENI limits are not known"
                + " (known: the m5, c5, r5 and t3 families and p3dn.24xlarge)"));
    }

    /** Every type of the table, in name order. */
    public static Iterable<String> knownTypes() {
        return TABLE.keySet();
    }

    /** Each ENI's primary address belongs to the ENI itself; the others can go to pods. */
    public int podIpsPerEni() {
        return ipv4PerEni - 1;
    }

    /** How many pods can have a VPC address of their own: every secondary address of every ENI. */
    public int podAddresses() {
        return enis * podIpsPerEni();
    }

    /**
     * ENIs x (IPv4 per ENI - 1) + 2, as in amazon-eks-ami's eni-max-pods.txt: the +2 are the host-network pods
     * (aws-node, kube-proxy) that need no address of their own.
     */
    public int maxPods() {
        return podAddresses() + 2;
    }

    /** Sizes as (name, ENIs, IPv4 per ENI) triples. */
    private static void family(String family, Object... sizes) {
        for (int i = 0; i < sizes.length; i += 3) {
            String type = family + "." + sizes[i];
            TABLE.put(type, new InstanceLimits(type, (Integer) sizes[i + 1], (Integer) sizes[i + 2]));
        }
    }
}

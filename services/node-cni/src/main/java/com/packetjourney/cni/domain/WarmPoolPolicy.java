package com.packetjourney.cni.domain;

/**
 * How many addresses ipamd keeps attached to a node beyond those its pods use: aws-node's WARM_ENI_TARGET,
 * WARM_IP_TARGET and MINIMUM_IP_TARGET (amazon-vpc-cni-k8s, docs/eni-and-ip-target.md). 0 means unset. With either
 * IP target set, ipamd allocates single addresses and ignores WARM_ENI_TARGET; otherwise it keeps
 * WARM_ENI_TARGET ENIs' worth of addresses free, attaching whole ENIs (the default, WARM_ENI_TARGET=1).
 */
public record WarmPoolPolicy(int warmEniTarget, int warmIpTarget, int minimumIpTarget) {
    public static final WarmPoolPolicy DEFAULT = new WarmPoolPolicy(1, 0, 0);

    public WarmPoolPolicy {
        if (warmEniTarget < 0 || warmIpTarget < 0 || minimumIpTarget < 0) {
            throw new IllegalArgumentException("warm pool targets cannot be negative: " + warmEniTarget + ", "
                    + warmIpTarget + ", " + minimumIpTarget);
        }
    }

    /** Whether single addresses are allocated to reach an address count (rather than whole ENIs kept free). */
    public boolean countsAddresses() {
        return warmIpTarget > 0 || minimumIpTarget > 0;
    }

    /** With an IP target: how many secondary addresses the node should hold while {@code used} are given to pods. */
    public int addressesWanted(int used) {
        return Math.max(used + warmIpTarget, minimumIpTarget);
    }

    /** Without an IP target: how many free addresses keep WARM_ENI_TARGET ENIs' worth warm. */
    public int freeAddressesWanted(int podIpsPerEni) {
        return warmEniTarget * podIpsPerEni;
    }

    /** As aws-node's environment would say it, e.g. "WARM_ENI_TARGET=1". */
    public String describe() {
        if (!countsAddresses()) {
            return "WARM_ENI_TARGET=" + warmEniTarget;
        }
        return "WARM_IP_TARGET=" + warmIpTarget + ", MINIMUM_IP_TARGET=" + minimumIpTarget;
    }
}

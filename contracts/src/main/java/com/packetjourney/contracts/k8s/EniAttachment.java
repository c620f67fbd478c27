package com.packetjourney.contracts.k8s;

import java.util.List;

/**
 * An ENI the VPC CNI's ipamd created and attached to a node beyond the instance's primary one: its device index, its
 * own address, the secondary addresses it holds for pods, and why ipamd attached it (the warm pool target the node
 * fell below). Published by node-cni keyed by {@link #key()}; the pod networks and pod hops of addresses on it name
 * its {@code eventId}.
 */
public record EniAttachment(String node, String eni, int deviceIndex, String subnetCidr, String primaryIp,
                            List<String> secondaryIps, String reason, String eventId) {

    public String key() {
        return node + "/eth" + deviceIndex;
    }
}

package com.packetjourney.contracts.hop;

import java.util.List;

/**
 * The last stretch: from the VPC route table through the node's ENI, the host route and the veth pair into the
 * pod's network namespace, where nginx answers.
 */
public record PodResponded(
        String node,
        String nodeIp,
        String availabilityZone,
        String eni,
        String pod,
        String podIp,
        String netns,
        String vethHost,
        String vethPod,
        List<String> steps,
        int containerPort,
        String server,
        Integer status,
        String statusLine,
        String assignedBy) implements HopPayload {
}

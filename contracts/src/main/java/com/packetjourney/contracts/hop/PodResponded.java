package com.packetjourney.contracts.hop;

import java.util.List;

/**
 * The last stretch: from the VPC route table through the node's ENI, the host route and the veth pair into the
 * pod's network namespace, where nginx answers. {@code assignedBy} is the eventId of the pod's network and
 * {@code eniAttachedBy} that of the ENI attachment its address came with (null on the primary ENI).
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
        String assignedBy,
        String eniAttachedBy) implements HopPayload {

    /** A response from an address of the node's primary ENI, which no attachment event brought. */
    public PodResponded(String node, String nodeIp, String availabilityZone, String eni, String pod, String podIp,
                        String netns, String vethHost, String vethPod, List<String> steps, int containerPort,
                        String server, Integer status, String statusLine, String assignedBy) {
        this(node, nodeIp, availabilityZone, eni, pod, podIp, netns, vethHost, vethPod, steps, containerPort, server,
                status, statusLine, assignedBy, null);
    }
}

package com.packetjourney.contracts.k8s;

/**
 * What the VPC CNI set up for one pod on its node: the IP from the warm pool and the ENI that owns it, the
 * network namespace, the veth pair and the host route. Published by node-cni, keyed by namespace/pod.
 * {@code eniAttachment} is the eventId of the {@link EniAttachment} that brought the address (null on the primary
 * ENI). When the CNI could not set the pod up, {@code failure} says why (the error the kubelet reports) and the
 * address, ENI and veth fields are null.
 */
public record PodNetwork(String namespace, String pod, String node, String podIp, String eni, int eniIndex,
                         String netns, String vethHost, String vethPod, String hostRoute, String eventId,
                         String eniAttachment, String failure) {

    public String key() {
        return namespace + "/" + pod;
    }
}

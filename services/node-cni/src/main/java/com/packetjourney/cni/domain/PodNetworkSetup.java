package com.packetjourney.cni.domain;

import com.packetjourney.contracts.k8s.PodNetwork;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * What the VPC CNI plugin sets up on the node for a pod with an address: the pod's network namespace, a veth pair
 * (host side named from the pod, pod side eth0), a host route to the pod over the veth and, for an address of a
 * secondary ENI, a policy rule so the pod's traffic leaves through that ENI's route table.
 */
public final class PodNetworkSetup {
    public static final String HOST_VETH_PREFIX = "eni";
    public static final String POD_INTERFACE = "eth0";
    /** Linux interface names hold 15 characters: the prefix and 11 hex digits of the hash. */
    private static final int VETH_HASH_CHARS = 11;

    private PodNetworkSetup() {
    }

    /** As amazon-vpc-cni-k8s names it: "eni" + the first 11 hex digits of SHA-1("namespace.podname"). */
    public static String hostVethName(String namespace, String pod) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((namespace + "." + pod).getBytes(StandardCharsets.UTF_8));
            return HOST_VETH_PREFIX + HexFormat.of().formatHex(digest).substring(0, VETH_HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }

    /** The namespace containerd creates for the pod sandbox ("cni-" + a UUID), derived from the seed here. */
    public static String netns(long seed, String namespace, String pod) {
        return "cni-" + UUID.nameUUIDFromBytes((seed + "|netns|" + namespace + "/" + pod)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static String hostRoute(String podIp, String hostVeth) {
        return podIp + " dev " + hostVeth + " scope link";
    }

    /**
     * Traffic from a pod on a secondary ENI must leave through that ENI, so the CNI adds a rule sending it to the
     * ENI's own route table, numbered device index + 1; pods on the primary ENI use the main table.
     */
    public static Optional<String> policyRule(String podIp, int deviceIndex) {
        return deviceIndex == 0 ? Optional.empty() : Optional.of("from " + podIp + " lookup " + (deviceIndex + 1));
    }

    /** The pod's network on its address; one on a secondary ENI names the event that attached that ENI. */
    public static PodNetwork setUp(long seed, String namespace, String pod, String node, Ipamd.Assignment assignment) {
        String veth = hostVethName(namespace, pod);
        String netns = netns(seed, namespace, pod);
        String route = hostRoute(assignment.ip(), veth);
        Eni eni = assignment.eni();
        String attachment = eni.isPrimary() ? null : Eni.attachmentEventId(node, eni.id());
        String record = String.join("|", namespace, pod, node, assignment.ip(), eni.id(),
                String.valueOf(eni.deviceIndex()), netns, veth, POD_INTERFACE, route);
        return new PodNetwork(namespace, pod, node, assignment.ip(), eni.id(), eni.deviceIndex(), netns, veth,
                POD_INTERFACE, route, eventIdOf(record), attachment, null);
    }

    /**
     * The CNI ADD that failed because ipamd had no address: the error the kubelet reports for the pod sandbox
     * (amazon-vpc-cni-k8s's "add cmd: failed to assign an IP address to container"); the pod keeps waiting.
     */
    public static PodNetwork failed(String namespace, String pod, String node, String error) {
        String failure = "plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: " + error;
        return new PodNetwork(namespace, pod, node, null, null, 0, null, null, null, null,
                eventIdOf(String.join("|", namespace, pod, node, failure)), null, failure);
    }

    private static String eventIdOf(String record) {
        return UUID.nameUUIDFromBytes(record.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

package com.packetjourney.k8s.domain;

import com.packetjourney.contracts.k8s.Deployment;

import java.util.List;
import java.util.Map;

/**
 * The add-ons every EKS cluster runs from the start (EKS User Guide, "Amazon EKS add-ons"): the VPC CNI's aws-node
 * and kube-proxy as DaemonSets on the host network, one pod per node that counts towards the node's max pods but
 * takes no VPC address (the "+2" of eni-max-pods.txt), and CoreDNS, a Deployment of two replicas by default
 * ("Manage CoreDNS") in the pod network, so each takes a VPC address like any application pod.
 */
public final class EksAddOns {
    public static final String NAMESPACE = "kube-system";
    public static final String DAEMON_SET_OWNER_KIND = "DaemonSet/";
    public static final int CORE_DNS_REPLICAS = 2;
    /** The ECR account EKS serves its add-on images from in most regions. */
    private static final String EKS_REGISTRY_ACCOUNT = "602401143452";

    /** A DaemonSet on the host network: its pod on each node. */
    public record DaemonSet(String name, Map<String, String> labels, String image) {
        public String owner() {
            return DAEMON_SET_OWNER_KIND + name;
        }
    }

    private EksAddOns() {
    }

    public static List<DaemonSet> daemonSets(String region) {
        return List.of(
                new DaemonSet("aws-node", Map.of("k8s-app", "aws-node"),
                        image(region, "amazon-k8s-cni:v1.18.1-eksbuild.1")),
                new DaemonSet("kube-proxy", Map.of("k8s-app", "kube-proxy"),
                        image(region, "eks/kube-proxy:v1.30.0-minimal-eksbuild.3")));
    }

    /** CoreDNS serves DNS on port 53 of its pod address; kube-dns's Service selects it by k8s-app. */
    public static Deployment coreDns(String region) {
        return new Deployment(NAMESPACE, "coredns", CORE_DNS_REPLICAS, Map.of("k8s-app", "kube-dns"),
                image(region, "eks/coredns:v1.11.1-eksbuild.9"), 53);
    }

    private static String image(String region, String repositoryAndTag) {
        return EKS_REGISTRY_ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + repositoryAndTag;
    }
}

package com.packetjourney.contracts.k8s;

/** The EKS cluster and the VPC its nodes and pods live in. */
public record Cluster(String name, String region, String vpcId, String vpcCidr) implements K8sObject {
}

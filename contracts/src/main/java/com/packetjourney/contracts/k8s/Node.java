package com.packetjourney.contracts.k8s;

/** A worker node: an EC2 instance of a type, in a subnet of an availability zone, with its primary private IP. */
public record Node(String name, String instanceType, String availabilityZone, String subnetCidr, String internalIp)
        implements K8sObject {
}

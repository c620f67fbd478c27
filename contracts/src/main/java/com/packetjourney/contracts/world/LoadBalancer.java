package com.packetjourney.contracts.world;

import java.util.List;

/**
 * An Application Load Balancer as AWS runs it: a DNS name, one node per availability zone with its public IP,
 * the AS that announces those IPs, and the ACM certificates it may present.
 */
public record LoadBalancer(
        String name,
        String dnsName,
        String scheme,
        long asn,
        List<AlbNode> nodes,
        List<Certificate> certificates) {

    public record AlbNode(String availabilityZone, String publicIp, String privateIp) {
    }

    public record Certificate(String arn, List<String> domains) {
    }
}

package com.packetjourney.alb.domain;

import com.packetjourney.contracts.world.LoadBalancer;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * One node of an Application Load Balancer: the elastic network interface AWS runs in one availability zone,
 * owning one of the public addresses the load balancer's DNS name resolves to.
 */
public record LoadBalancerNode(String loadBalancer, String availabilityZone, String publicIp, String privateIp) {

    /** The node owning a public address, if any load balancer has one there. */
    public static Optional<LoadBalancerNode> owning(Collection<LoadBalancer> loadBalancers, String ip) {
        return loadBalancers.stream().sorted(Comparator.comparing(LoadBalancer::name))
                .flatMap(lb -> lb.nodes().stream().filter(n -> n.publicIp().equals(ip))
                        .map(n -> new LoadBalancerNode(lb.name(), n.availabilityZone(), n.publicIp(), n.privateIp())))
                .findFirst();
    }
}

package com.packetjourney.k8s.domain;

import com.packetjourney.contracts.k8s.Node;

import java.util.List;

/** A node as "kubectl describe node" summarises it: where it is, how many pods it admits and which it runs. */
public record NodeStatus(String name, String instanceType, String availabilityZone, String internalIp, int maxPods,
                         List<String> pods) {

    public static NodeStatus of(Node node, List<String> pods) {
        return new NodeStatus(node.name(), node.instanceType(), node.availabilityZone(), node.internalIp(),
                Scheduler.maxPods(node), pods);
    }
}

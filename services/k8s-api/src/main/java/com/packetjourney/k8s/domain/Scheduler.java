package com.packetjourney.k8s.domain;

import com.packetjourney.contracts.k8s.InstanceLimits;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a node for a pending pod, as kube-scheduler would with only pod-count limits: a node fits while it runs
 * fewer pods than its max pods (every pod bound to it counts, host-network DaemonSet pods included, as the kubelet's
 * --max-pods does); the least-loaded node wins, ties go to the zone holding fewer pods of the same owner (the
 * default topology spread across zones), then to the node name. A node of an instance type without known limits
 * is never chosen (loading a world refuses it; this keeps its pods off it should one arrive anyway).
 */
public final class Scheduler {

    /** The chosen node, or none and the reason kube-scheduler would give in the pod's status. */
    public record Decision(Optional<String> node, String message) {
    }

    private Scheduler() {
    }

    public static Decision schedule(String owner, Collection<Node> nodes, Collection<Pod> pods) {
        if (nodes.isEmpty()) {
            return new Decision(Optional.empty(), "no nodes available to schedule pods");
        }
        Map<String, Integer> podsOnNode = new HashMap<>();
        Map<String, Integer> ownerPodsInZone = new HashMap<>();
        Map<String, String> zoneOf = new HashMap<>();
        nodes.forEach(n -> zoneOf.put(n.name(), n.availabilityZone()));
        for (Pod pod : pods) {
            if (pod.node() == null) {
                continue;
            }
            podsOnNode.merge(pod.node(), 1, Integer::sum);
            String zone = zoneOf.get(pod.node());
            if (owner.equals(pod.owner()) && zone != null) {
                ownerPodsInZone.merge(zone, 1, Integer::sum);
            }
        }
        Optional<Node> best = nodes.stream()
                .filter(n -> podsOnNode.getOrDefault(n.name(), 0) < maxPods(n))
                .min(Comparator.<Node>comparingInt(n -> podsOnNode.getOrDefault(n.name(), 0))
                        .thenComparingInt(n -> ownerPodsInZone.getOrDefault(n.availabilityZone(), 0))
                        .thenComparing(Node::name));
        if (best.isPresent()) {
            return new Decision(Optional.of(best.get().name()), null);
        }
        long unknown = nodes.stream().filter(n -> InstanceLimits.of(n.instanceType()).isEmpty()).count();
        long full = nodes.size() - unknown;
        String reasons = (full > 0 ? full + " Too many pods" : "")
                + (full > 0 && unknown > 0 ? ", " : "")
                + (unknown > 0 ? unknown + " node(s) of an unknown instance type" : "");
        return new Decision(Optional.empty(), "0/" + nodes.size() + " nodes are available: " + reasons + ".");
    }

    /** The kubelet's --max-pods on EKS (eni-max-pods.txt); 0 for a type without known limits. */
    public static int maxPods(Node node) {
        return InstanceLimits.of(node.instanceType()).map(InstanceLimits::maxPods).orElse(0);
    }
}

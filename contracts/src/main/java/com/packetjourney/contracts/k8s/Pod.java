package com.packetjourney.contracts.k8s;

import java.util.Map;

/**
 * A pod as the API server reports it in watch events: where it was scheduled, its phase, IP and readiness.
 * {@code message} explains a pod that cannot start (e.g. the CNI's IP assignment error). A {@code hostNetwork} pod
 * (a DaemonSet such as aws-node or kube-proxy) shares its node's network namespace and address: the VPC CNI gives it
 * none. Records written before the field existed read as false.
 */
public record Pod(String namespace, String name, String owner, Map<String, String> labels, String node,
                  String phase, String podIp, boolean ready, int containerPort, long resourceVersion,
                  String message, boolean hostNetwork) {

    /** A pod in the pod network, which the VPC CNI gives an address of its own. */
    public Pod(String namespace, String name, String owner, Map<String, String> labels, String node, String phase,
               String podIp, boolean ready, int containerPort, long resourceVersion, String message) {
        this(namespace, name, owner, labels, node, phase, podIp, ready, containerPort, resourceVersion, message,
                false);
    }

    public String key() {
        return namespace + "/" + name;
    }

    /** The same pod in another state; what it is (owner, labels, port, network) stays. */
    public Pod with(String node, String phase, String podIp, boolean ready, long resourceVersion, String message) {
        return new Pod(namespace, name, owner, labels, node, phase, podIp, ready, containerPort, resourceVersion,
                message, hostNetwork);
    }
}

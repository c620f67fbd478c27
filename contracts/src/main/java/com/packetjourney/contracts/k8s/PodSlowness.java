package com.packetjourney.contracts.k8s;

/**
 * Extra time the application in a pod takes to answer each request (a noisy neighbour, a cold cache, a CPU limit),
 * set through node-cni's REST API and keyed by {@link #key()}; 0 or a tombstone makes the pod answer normally again.
 */
public record PodSlowness(String namespace, String pod, long micros) {

    public String key() {
        return namespace + "/" + pod;
    }
}

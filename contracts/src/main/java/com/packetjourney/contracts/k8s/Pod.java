package com.packetjourney.contracts.k8s;

import java.util.Map;

/**
 * A pod as the API server reports it in watch events: where it was scheduled, its phase, IP and readiness.
 * {@code message} explains a pod that cannot start (e.g. the CNI's IP assignment error).
 */
public record Pod(String namespace, String name, String owner, Map<String, String> labels, String node,
                  String phase, String podIp, boolean ready, int containerPort, long resourceVersion,
                  String message) {

    public String key() {
        return namespace + "/" + name;
    }
}

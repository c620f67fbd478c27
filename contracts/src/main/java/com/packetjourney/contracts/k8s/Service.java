package com.packetjourney.contracts.k8s;

import java.util.Map;

/** A Service: selects pods by label and maps its port to the pods' target port. */
public record Service(String namespace, String name, Map<String, String> selector, int port, int targetPort)
        implements K8sObject {
}

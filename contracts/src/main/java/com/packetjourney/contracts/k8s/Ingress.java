package com.packetjourney.contracts.k8s;

import java.util.List;
import java.util.Map;

/** An Ingress with the AWS Load Balancer Controller's annotations; rules send host and path to a Service. */
public record Ingress(String namespace, String name, String ingressClassName, Map<String, String> annotations,
                      List<Rule> rules) implements K8sObject {

    public record Rule(String host, List<Path> paths) {
    }

    /** pathType is Exact, Prefix or ImplementationSpecific, as in networking.k8s.io/v1. */
    public record Path(String path, String pathType, String serviceName, int servicePort) {
    }
}

package com.packetjourney.contracts.k8s;

import java.util.Map;

/** A Deployment: how many replicas of which image, labelled how, listening on which container port. */
public record Deployment(String namespace, String name, int replicas, Map<String, String> labels, String image,
                         int containerPort) implements K8sObject {

    public Deployment withReplicas(int replicas) {
        return new Deployment(namespace, name, replicas, labels, image, containerPort);
    }

    public Deployment withImage(String image) {
        return new Deployment(namespace, name, replicas, labels, image, containerPort);
    }
}

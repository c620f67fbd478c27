package com.packetjourney.contracts.k8s;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A Kubernetes object as applied to the API server; keyed on its topic by {@link #key()}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Cluster.class, name = "Cluster"),
        @JsonSubTypes.Type(value = Node.class, name = "Node"),
        @JsonSubTypes.Type(value = Deployment.class, name = "Deployment"),
        @JsonSubTypes.Type(value = Service.class, name = "Service"),
        @JsonSubTypes.Type(value = Ingress.class, name = "Ingress")})
public sealed interface K8sObject permits Cluster, Node, Deployment, Service, Ingress {
    String name();

    default String namespace() {
        return "";
    }

    default String key() {
        String kind = getClass().getSimpleName();
        return namespace().isEmpty() ? kind + "/" + name() : kind + "/" + namespace() + "/" + name();
    }
}

package com.packetjourney.contracts.k8s;

import com.fasterxml.jackson.core.type.TypeReference;

/** A Kubernetes watch event: ADDED, MODIFIED or DELETED, with the object's state after the change. */
public record WatchEvent<T>(String type, T object) {
    public static final String ADDED = "ADDED";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";

    /** How a record of pj.k8s.pods is read. */
    public static final TypeReference<WatchEvent<Pod>> OF_PODS = new TypeReference<>() {
    };
}

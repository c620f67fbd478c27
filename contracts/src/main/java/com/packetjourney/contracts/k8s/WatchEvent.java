package com.packetjourney.contracts.k8s;

/** A Kubernetes watch event: ADDED, MODIFIED or DELETED, with the object's state after the change. */
public record WatchEvent<T>(String type, T object) {
    public static final String ADDED = "ADDED";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";
}

package com.packetjourney.k8s.domain;

import java.util.List;

/**
 * A Deployment as "kubectl rollout status" and "kubectl get rs" see it: desired replicas, the pods of the current
 * pod template (updated), ready and available ones, and every ReplicaSet that still has pods.
 */
public record DeploymentStatus(String namespace, String name, String image, int replicas, int updatedReplicas,
                               int readyReplicas, int availableReplicas, String currentReplicaSet,
                               List<ReplicaSetStatus> replicaSets, boolean rolledOut) {

    /** One ReplicaSet: its pods and how many of them are ready. */
    public record ReplicaSetStatus(String name, int pods, int ready) {
    }
}

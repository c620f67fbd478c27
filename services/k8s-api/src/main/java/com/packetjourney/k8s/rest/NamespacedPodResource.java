package com.packetjourney.k8s.rest;

import com.packetjourney.k8s.messaging.K8sApiWorld;
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.Topics;
import com.packetjourney.k8s.service.K8sApiService;
import com.packetjourney.kafka.WorldChanges;
import com.packetjourney.rest.JsonBody;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * "kubectl delete pod": the pod is answered as it is now, Terminating; it is deleted and its ReplicaSet creates a
 * replacement, and the ALB controller deregisters its target, which drains.
 */
@Path("/api/v1/namespaces/{namespace}/pods/{name}")
public class NamespacedPodResource {
    private final K8sApiService service;
    private final K8sApiWorld world;

    NamespacedPodResource(K8sApiService service, K8sApiWorld world) {
        this.service = service;
        this.world = world;
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        world.feed().awaitCaughtUp();
        return Response.ok(service.deletePod(namespace, name)).build();
    }
}

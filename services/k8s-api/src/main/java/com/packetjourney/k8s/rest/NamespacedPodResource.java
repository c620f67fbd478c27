package com.packetjourney.k8s.rest;

import com.packetjourney.k8s.messaging.K8sApiWorld;
import com.packetjourney.k8s.service.K8sApiService;
import jakarta.inject.Inject;
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
    @Inject
    K8sApiService service;
    @Inject
    K8sApiWorld world;

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        world.awaitCaughtUp();
        return service.deletePod(namespace, name).map(p -> Response.ok(p).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND,
                        "pods \"" + name + "\" not found in namespace " + namespace, "name"));
    }
}

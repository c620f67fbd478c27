package com.packetjourney.k8s.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.k8s.messaging.K8sApiWorld;
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.Topics;
import com.packetjourney.k8s.service.K8sApiService;
import com.packetjourney.kafka.WorldChanges;
import com.packetjourney.rest.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Optional;

/**
 * The scale subresource: "kubectl scale deployment" as a write of the Deployment to the world log. It answers once
 * the control plane has read the new Deployment back (200; 202 if that took longer than
 * {@link WorldChanges#APPLY_TIMEOUT}); the pods follow as it reconciles.
 */
@Path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale")
public class DeploymentResource {
    private static final String REPLICAS = "replicas";

    private final K8sApiService service;
    private final K8sApiWorld world;

    DeploymentResource(K8sApiService service, K8sApiWorld world) {
        this.service = service;
        this.world = world;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response scale(@PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
        JsonNode replicas = JsonBody.field(body, REPLICAS);
        if (!replicas.isIntegralNumber() || !replicas.canConvertToInt() || replicas.intValue() < 0) {
            throw Refused.invalid(REPLICAS, "replicas must be a non-negative integer, got " + replicas);
        }
        world.feed().awaitCaughtUp();
        Deployment scaled = service.scale(namespace, name, replicas.intValue());
        WorldChanges.Applied written = world.feed().publish(Topics.WORLD_K8S_MANIFESTS, scaled.key(), scaled);
        return Response.status(written.httpStatus()).entity(scaled).build();
    }
}

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Optional;

/**
 * A Deployment: GET shows its rollout (replicas, updated and available pods, ReplicaSets); PATCH with
 * {"image": "..."} changes its pod template's image, as "kubectl set image" does, which starts a rolling update.
 * The change goes to the world log; the answer comes once the control plane has read it back (200; 202 if that took
 * longer than {@link WorldChanges#APPLY_TIMEOUT}).
 */
@Path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
public class DeploymentObjectResource {
    private static final String IMAGE = "image";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final K8sApiService service;
    private final K8sApiWorld world;

    DeploymentObjectResource(K8sApiService service, K8sApiWorld world) {
        this.service = service;
        this.world = world;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        world.feed().awaitCaughtUp();
        return Response.ok(service.deploymentStatus(namespace, name)).build();
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Produces(MediaType.APPLICATION_JSON)
    public Response setImage(@PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
        JsonNode image = JsonBody.field(body, IMAGE);
        if (!image.isTextual() || image.asText().isBlank()
                || image.asText().chars().anyMatch(Character::isWhitespace)) {
            throw Refused.invalid(IMAGE, "image must be an image reference such as nginx:1.27, got " + image);
        }
        world.feed().awaitCaughtUp();
        Deployment updated = service.setImage(namespace, name, image.asText());
        WorldChanges.Applied written = world.feed().publish(Topics.WORLD_K8S_MANIFESTS, updated.key(), updated);
        return Response.status(written.httpStatus()).entity(updated).build();
    }
}

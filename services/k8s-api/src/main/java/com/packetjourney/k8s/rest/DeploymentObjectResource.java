package com.packetjourney.k8s.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.k8s.messaging.K8sApiWorld;
import com.packetjourney.k8s.service.K8sApiService;
import jakarta.inject.Inject;
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
 * The change goes to the world log and applies once read back, hence 202.
 */
@Path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
public class DeploymentObjectResource {
    private static final String IMAGE = "image";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    K8sApiService service;
    @Inject
    K8sApiWorld world;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        world.awaitCaughtUp();
        return service.deploymentStatus(namespace, name).map(s -> Response.ok(s).build())
                .orElseGet(() -> notFound(namespace, name));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Produces(MediaType.APPLICATION_JSON)
    public Response setImage(@PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
        JsonNode image;
        try {
            JsonNode json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
            image = json == null ? null : json.get(IMAGE);
        } catch (IOException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "the body is not JSON: " + e.getMessage(), IMAGE);
        }
        if (image == null || image.isNull()) {
            return Problem.response(Response.Status.BAD_REQUEST, "image is required", IMAGE);
        }
        if (!image.isTextual() || image.asText().isBlank()
                || image.asText().chars().anyMatch(Character::isWhitespace)) {
            return Problem.response(Response.Status.BAD_REQUEST,
                    "image must be an image reference such as nginx:1.27, got " + image, IMAGE);
        }
        world.awaitCaughtUp();
        Optional<Deployment> updated = service.setImage(namespace, name, image.asText());
        return updated.map(d -> Response.accepted(d).build()).orElseGet(() -> notFound(namespace, name));
    }

    private static Response notFound(String namespace, String name) {
        return Problem.response(Response.Status.NOT_FOUND,
                "deployments.apps \"" + name + "\" not found in namespace " + namespace, "name");
    }
}

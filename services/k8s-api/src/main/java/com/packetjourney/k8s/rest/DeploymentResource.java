package com.packetjourney.k8s.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.k8s.messaging.K8sApiWorld;
import com.packetjourney.k8s.service.K8sApiService;
import jakarta.inject.Inject;
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
 * The scale subresource: "kubectl scale deployment" as a write of the Deployment to the world log. It answers 202
 * because the pods change only once the control plane has read the new Deployment back and reconciled.
 */
@Path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale")
public class DeploymentResource {
    private static final String REPLICAS = "replicas";

    @Inject
    K8sApiService service;
    @Inject
    K8sApiWorld world;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response scale(@PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
        JsonNode replicas;
        try {
            JsonNode json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
            replicas = json == null ? null : json.get(REPLICAS);
        } catch (IOException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "the body is not JSON: " + e.getMessage(), REPLICAS);
        }
        if (replicas == null || replicas.isNull()) {
            return Problem.response(Response.Status.BAD_REQUEST, "replicas is required", REPLICAS);
        }
        if (!replicas.isIntegralNumber() || !replicas.canConvertToInt() || replicas.intValue() < 0) {
            return Problem.response(Response.Status.BAD_REQUEST,
                    "replicas must be a non-negative integer, got " + replicas, REPLICAS);
        }
        world.awaitCaughtUp();
        Optional<Deployment> scaled = service.scale(namespace, name, replicas.intValue());
        if (scaled.isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND,
                    "deployments.apps \"" + name + "\" not found in namespace " + namespace, null);
        }
        return Response.accepted(scaled.get()).build();
    }
}

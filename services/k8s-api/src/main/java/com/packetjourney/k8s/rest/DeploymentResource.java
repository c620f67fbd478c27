package com.packetjourney.k8s.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.k8s.domain.DeploymentStatus;
import com.packetjourney.k8s.service.K8sApiService;
import com.packetjourney.kafka.WorldChanges;
import com.packetjourney.rest.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A Deployment: GET shows its rollout (replicas, updated and available pods, ReplicaSets); PATCH with
 * {"image": "..."} changes its pod template's image, as "kubectl set image" does, which starts a rolling update;
 * PUT .../scale {"replicas": n} is "kubectl scale deployment". A change is a write of the Deployment to the world
 * log: the answer comes once the control plane has read it back (200; 202 if that took longer than
 * {@link WorldChanges#APPLY_TIMEOUT}), and the pods follow as it reconciles.
 */
@Path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {
    private static final String IMAGE = "image";
    private static final String REPLICAS = "replicas";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final K8sApiService service;

    DeploymentResource(K8sApiService service) {
        this.service = service;
    }

    @GET
    public DeploymentStatus status(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return service.deploymentStatus(namespace, name);
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public Response setImage(@PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
        JsonNode image = JsonBody.field(body, IMAGE);
        if (!image.isTextual() || image.asText().isBlank()
                || image.asText().chars().anyMatch(Character::isWhitespace)) {
            throw Refused.invalid(IMAGE, "image must be an image reference such as nginx:1.27, got " + image);
        }
        return answer(service.setImage(namespace, name, image.asText()));
    }

    /** The scale subresource. */
    @PUT
    @Path("scale")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response scale(@PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
        JsonNode replicas = JsonBody.field(body, REPLICAS);
        if (!replicas.isIntegralNumber() || !replicas.canConvertToInt() || replicas.intValue() < 0) {
            throw Refused.invalid(REPLICAS, "replicas must be a non-negative integer, got " + replicas);
        }
        return answer(service.scale(namespace, name, replicas.intValue()));
    }

    private static Response answer(WorldChanges.Applied<Deployment> written) {
        return Response.status(written.httpStatus()).entity(written.value()).build();
    }
}

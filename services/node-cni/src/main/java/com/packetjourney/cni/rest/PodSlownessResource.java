package com.packetjourney.cni.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.cni.messaging.NodeCniWorld;
import com.packetjourney.cni.service.NodeCniService;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.k8s.PodSlowness;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Optional;

/**
 * Makes the application in a pod slow: every answer takes {@code micros} longer (0 restores it). The order is
 * written to the world log, hence 202: it applies to the journeys that reach the pod once node-cni has read it back,
 * which GET shows.
 */
@Path("/pods/{namespace}/{name}/slowness")
public class PodSlownessResource {
    private static final String MICROS = "micros";

    @Inject
    NodeCniService service;
    @Inject
    NodeCniWorld world;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PodSlowness applied(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return service.slowness(namespace, name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response slowDown(@PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
        JsonNode micros;
        try {
            JsonNode json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
            micros = json == null ? null : json.get(MICROS);
        } catch (IOException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "the body is not JSON: " + e.getMessage(), MICROS);
        }
        if (micros == null || micros.isNull()) {
            return Problem.response(Response.Status.BAD_REQUEST, "micros is required", MICROS);
        }
        if (!micros.isIntegralNumber() || !micros.canConvertToLong() || micros.longValue() < 0) {
            return Problem.response(Response.Status.BAD_REQUEST,
                    "micros must be a non-negative integer, got " + micros, MICROS);
        }
        world.awaitCaughtUp();
        Optional<PodSlowness> order = service.slowDown(namespace, name, micros.longValue());
        if (order.isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND,
                    "pods \"" + name + "\" not found in namespace " + namespace, "name");
        }
        return Response.accepted(order.get()).build();
    }
}

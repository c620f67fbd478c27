package com.packetjourney.cni.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.cni.service.NodeCniService;
import com.packetjourney.contracts.Refused;
import com.packetjourney.kafka.WorldChanges;
import com.packetjourney.rest.JsonBody;
import com.packetjourney.contracts.k8s.PodSlowness;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Makes the application in a pod slow: every answer takes {@code micros} longer (0 restores it). The order is
 * written to the world log and applies to the journeys that reach the pod once node-cni has read it back, which GET
 * shows: 200 once it has, 202 if that took longer than {@link WorldChanges#APPLY_TIMEOUT}.
 */
@Path("/pods/{namespace}/{name}/slowness")
public class PodSlownessResource {
    private static final String MICROS = "micros";

    private final NodeCniService service;

    PodSlownessResource(NodeCniService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PodSlowness applied(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return service.slowness(namespace, name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response slowDown(@PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
        JsonNode micros = JsonBody.field(body, MICROS);
        if (!micros.isIntegralNumber() || !micros.canConvertToLong() || micros.longValue() < 0) {
            throw Refused.invalid(MICROS, "micros must be a non-negative integer, got " + micros);
        }
        WorldChanges.Applied<PodSlowness> written = service.slowDown(namespace, name, micros.longValue());
        return Response.status(written.httpStatus()).entity(written.value()).build();
    }
}

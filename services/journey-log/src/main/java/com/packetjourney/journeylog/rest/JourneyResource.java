package com.packetjourney.journeylog.rest;

import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.journeylog.messaging.HopTopicsTail;
import com.packetjourney.journeylog.service.JourneyLogService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Locale;

/** Journeys as rebuilt from the hop topics: one with all its hops, or a list of the latest. */
@Path("/journeys")
@Produces(MediaType.APPLICATION_JSON)
public class JourneyResource {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;

    @Inject
    JourneyLogService service;
    @Inject
    HopTopicsTail tail;

    @GET
    @Path("/{id}")
    public Response journey(@PathParam("id") String id) {
        tail.awaitCaughtUp();
        return service.journey(id)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> Problem.notFound("id", "no event of journey " + id + " has been seen on the hop topics"));
    }

    /** Text parameters, so that a bad value is explained rather than turned into a bare 404 by JAX-RS. */
    @GET
    public Response journeys(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        JourneyStatus wanted = null;
        if (status != null) {
            try {
                wanted = JourneyStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Problem.badRequest("status", "must be one of " + Arrays.toString(JourneyStatus.values()));
            }
        }
        int max;
        try {
            max = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return badLimit();
        }
        if (max < 1 || max > MAX_LIMIT) {
            return badLimit();
        }
        tail.awaitCaughtUp();
        return Response.ok(service.journeys(wanted, max)).build();
    }

    private static Response badLimit() {
        return Problem.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}

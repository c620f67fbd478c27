package com.packetjourney.laptop.rest;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.laptop.messaging.LaptopHop;
import com.packetjourney.laptop.messaging.LaptopWorld;
import com.packetjourney.laptop.service.LaptopService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The browser's address bar: each accepted request starts one journey. */
@Path("/journeys")
public class JourneyResource {
    private final LaptopService service;
    private final LaptopWorld world;
    private final LaptopHop hop;

    JourneyResource(LaptopService service, LaptopWorld world, LaptopHop hop) {
        this.service = service;
        this.world = world;
        this.hop = hop;
    }

    /**
     * Runs on the event loop and answers when the broker has the event: a request waiting for its acknowledgement
     * holds no thread (under a burst, a worker thread each made the laptop the largest service in memory). Only
     * before the world has been read does a request wait, on a worker thread.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> request(JourneyRequestBody body) {
        if (!world.isCaughtUp()) {
            return Uni.createFrom().item(() -> {
                world.awaitCaughtUp();
                return body;
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).onItem().transformToUni(this::start);
        }
        return start(body);
    }

    private Uni<Response> start(JourneyRequestBody body) {
        JourneyRequestBody b = body == null ? new JourneyRequestBody(null, null, null, null, null) : body;
        HopEvent requested = service.request(b.url(), b.client(), b.at(), b.after(), b.journeyId());
        world.writtenHere(requested.journeyId());
        return Uni.createFrom().completionStage(hop.emit(requested)).map(sent -> {
            service.onJourneyStarted(requested);
            JourneyRequested payload = (JourneyRequested) requested.payload();
            return Response.accepted(new JourneyAccepted(requested.journeyId(), payload.url(), requested.simStartedAt()))
                    // relative on purpose: the journey is read from journey-log, which has the same path
                    .header(HttpHeaders.LOCATION, "/journeys/" + requested.journeyId())
                    .build();
        });
    }
}

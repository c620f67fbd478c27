package com.packetjourney.journeylog.rest;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.rest.Problem;
import com.packetjourney.journeylog.domain.JourneyFilter;
import com.packetjourney.journeylog.domain.JourneyStats;
import com.packetjourney.journeylog.domain.Page;
import com.packetjourney.journeylog.messaging.ReadModel;
import com.packetjourney.journeylog.service.JourneyLogService;
import com.packetjourney.journeylog.service.JourneySummary;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Journeys as rebuilt from the hop topics: one with all its hops, a filtered page of them, statistics, a live stream. */
@Path("/journeys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "journeys", description = "Journeys reconstructed from the hop topics alone")
public class JourneyResource {
    static final String TOTAL_COUNT = "X-Total-Count";
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final JourneyLogService service;
    private final ReadModel readModel;
    private final JourneyUpdates updates;

    JourneyResource(JourneyLogService service, ReadModel readModel, JourneyUpdates updates) {
        this.service = service;
        this.readModel = readModel;
        this.updates = updates;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One journey with every hop in order: envelope, context and payload of each")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JourneyView.class)))
    @APIResponse(responseCode = "404", description = "No event of this journey is on the hop topics",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The journey is known but its events could not be read back "
            + "from the hop topics (broker unreachable, or removed by the topics' retention)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response journey(@PathParam("id") String id) {
        readModel.awaitCaughtUp();
        try {
            return Response.ok(service.journey(id).orElseThrow(() -> Refused.unknown("id", "no event of journey " + id
                    + " has been seen on the hop topics"))).build();
        } catch (IllegalStateException e) {
            throw Refused.unavailable("journey " + id + " is known, but its events could not be read back from "
                    + "the hop topics: " + e.getMessage());
        }
    }

    @GET
    @Operation(summary = "Journeys matching the filters, most recently begun first, one page of them",
            description = "The body is the page; the X-Total-Count header counts every match and the Link header "
                    + "(RFC 8288) points to the next and previous pages.")
    @APIResponse(responseCode = "200", headers = {
            @Header(name = TOTAL_COUNT, description = "journeys matching the filters, on all pages",
                    schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "Link", description = "rel=\"next\" and rel=\"prev\" pages")},
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = JourneySummary.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response journeys(
            @Parameter(description = "outcome: COMPLETED, FAILED, IN_PROGRESS or STALLED") @QueryParam("status") String status,
            @Parameter(description = "the hop a failed journey failed at, e.g. alb.forwarded") @QueryParam("failingHop") String failingHop,
            @Parameter(description = "the failure code, e.g. ALB_NO_HEALTHY_TARGET") @QueryParam("failureCode") String failureCode,
            @Parameter(description = "the device that sent the request, e.g. laptop") @QueryParam("client") String client,
            @Parameter(description = "the URL's host or a parent domain, e.g. packet-journey.com") @QueryParam("domain") String domain,
            @Parameter(description = "simulated start at or after this ISO-8601 instant") @QueryParam("from") String from,
            @Parameter(description = "simulated start before this ISO-8601 instant") @QueryParam("to") String to,
            @Parameter(description = "matches to skip (default 0)") @QueryParam("offset") String offset,
            @Parameter(description = "page size, 1 to 1000 (default 20)") @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        JourneyFilter filter = QueryParams.filter(status, failingHop, failureCode, client, domain, from, to);
        int skip = QueryParams.offset(offset);
        int max = QueryParams.limit(limit);
        readModel.awaitCaughtUp();
        Page<JourneySummary> page = service.journeys(filter, skip, max);
        Response.ResponseBuilder ok = Response.ok(page.items()).header(TOTAL_COUNT, page.total());
        List<String> links = new ArrayList<>();
        if (page.hasNext()) {
            links.add(link(uri, skip + max, max, "next"));
        }
        if (page.hasPrevious()) {
            links.add(link(uri, Math.max(0, skip - max), max, "prev"));
        }
        if (!links.isEmpty()) {
            ok.header("Link", String.join(", ", links));
        }
        return ok.build();
    }

    private static String link(UriInfo uri, int offset, int limit, String rel) {
        return "<" + uri.getRequestUriBuilder().replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit).build() + ">; rel=\"" + rel + "\"";
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Counts by outcome, failing hop and failure code; simulated latency percentiles (p50, p90, "
            + "p99, nearest rank, microseconds) per hop and end to end over the journeys matching the filters")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JourneyStats.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JourneyStats stats(@QueryParam("status") String status, @QueryParam("failingHop") String failingHop,
                              @QueryParam("failureCode") String failureCode, @QueryParam("client") String client,
                              @QueryParam("domain") String domain, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        JourneyFilter filter = QueryParams.filter(status, failingHop, failureCode, client, domain, from, to);
        readModel.awaitCaughtUp();
        return service.stats(filter);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: 'ready' once subscribed, then a 'journey' event with the summary of "
            + "each journey matching the filters whenever it changes (a hop arrived, or it stalled)",
            description = "Load the list after 'ready' and apply the 'journey' events to it: nothing is missed in "
                    + "between. A comment every 15 s keeps idle connections open.")
    public Multi<OutboundSseEvent> stream(@QueryParam("status") String status, @QueryParam("failingHop") String failingHop,
                                          @QueryParam("failureCode") String failureCode, @QueryParam("client") String client,
                                          @QueryParam("domain") String domain, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @Context Sse sse) {
        JourneyFilter filter = QueryParams.filter(status, failingHop, failureCode, client, domain, from, to);
        Multi<OutboundSseEvent> changes = updates.stream()
                .filter(s -> filter.matches(s.status(), s.failedHop(), s.failureCode(), s.client(), s.url(),
                        s.simStartedAt()))
                .map(s -> sse.newEventBuilder().name("journey").id(s.journeyId())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(JourneySummary.class, s).build());
        // subscribed to the changes first, so that whatever follows "ready" reaches this client
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(() -> sse.newEventBuilder().name("ready")
                .data(String.class, "subscribed").build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(changes, ready, keepAlive);
    }
}

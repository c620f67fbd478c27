package com.packetjourney.journeylog.rest;

import com.packetjourney.contracts.Refused;
import com.packetjourney.journeylog.capture.JourneyCapture;
import com.packetjourney.journeylog.capture.PcapngWriter;
import com.packetjourney.journeylog.messaging.ReadModel;
import com.packetjourney.journeylog.service.JourneyExport;
import com.packetjourney.journeylog.trace.OtlpTrace;
import com.packetjourney.rest.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.function.Function;

/** One journey for other tools: its packets for Wireshark, its trace for Jaeger or Tempo, its steps and log positions. */
@Path("/journeys/{id}")
@Tag(name = "journeys", description = "Journeys reconstructed from the hop topics alone")
public class JourneyExportResource {
    private final JourneyExport export;
    private final ReadModel readModel;

    @Inject
    public JourneyExportResource(JourneyExport export, ReadModel readModel) {
        this.export = export;
        this.readModel = readModel;
    }

    @GET
    @Path("/pcap")
    @Produces(PcapngWriter.MEDIA_TYPE)
    @Operation(summary = "The journey's packets as a pcapng capture file on the simulated timeline, for Wireshark",
            description = "DHCP, each DNS query and response, the TCP handshake on both sides of the home router's "
                    + "NAT, the TLS ClientHello and ServerHello, the HTTP exchange between the ALB and the pod. One "
                    + "interface per capture point; each frame's comment says what it is.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = PcapngWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No event of this journey is on the hop topics",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pcap(@PathParam("id") String id) {
        return answer(id, capture -> Response.ok(capture.pcapng(), PcapngWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(id) + ".pcapng\"").build());
    }

    @GET
    @Path("/trace")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The journey as an OpenTelemetry trace in OTLP/JSON: the journey the root span, each hop a "
            + "span of its service, each step inside a hop a child span, on the simulated timeline",
            description = "The body is an ExportTraceServiceRequest: POST it to an OTLP/HTTP receiver's /v1/traces "
                    + "(Jaeger, Tempo, an OpenTelemetry Collector).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OtlpTrace.class)))
    @APIResponse(responseCode = "404", description = "No event of this journey is on the hop topics",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response trace(@PathParam("id") String id) {
        return answer(id, capture -> Response.ok(export.trace(capture), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "inline; filename=\"" + fileName(id) + ".otlp.json\"").build());
    }

    @GET
    @Path("/steps")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The steps inside each hop (each DHCP message, DNS query, router, the TCP and TLS handshakes, "
            + "the rule, the HTTP exchange) with their simulated timing and the frames each sent, as the viewer draws them")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JourneySteps.class)))
    @APIResponse(responseCode = "404", description = "No event of this journey is on the hop topics",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response steps(@PathParam("id") String id) {
        return answer(id, capture -> Response.ok(JourneySteps.of(capture), MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/log")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where each of the journey's events is in the log: hop topic, partition, offset, and the "
            + "wall-clock instant its service wrote it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = LoggedEvent.class)))
    @APIResponse(responseCode = "404", description = "No event of this journey is on the hop topics",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response log(@PathParam("id") String id) {
        return answer(id, capture -> Response.ok(LoggedEvent.of(capture.journey(), export.positions(id)),
                MediaType.APPLICATION_JSON).build());
    }

    private Response answer(String id, Function<JourneyCapture, Response> ok) {
        readModel.awaitCaughtUp();
        Optional<JourneyCapture> capture;
        try {
            capture = export.capture(id);
        } catch (IllegalStateException e) {
            throw Refused.unavailable("journey " + id + " is known, but its events could not be read back from "
                    + "the hop topics: " + e.getMessage());
        }
        return ok.apply(capture.orElseThrow(() -> Refused.unknown("id", "no event of journey " + id
                + " has been seen on the hop topics")));
    }

    /** A file name from the journey id, without what a file system or a header could take for something else. */
    private static String fileName(String id) {
        return "journey-" + id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

package com.packetjourney.bgp.rest;

import com.packetjourney.bgp.service.RoutingService;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.kafka.WorldChanges;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * What-if changes to the Internet: an AS announces or withdraws a prefix. Each change is written as the updated AS
 * record to pj.world.autonomous-systems; the router reconverges when it reads the record back, like any world
 * change. The answer comes once that happened (200), or 202 if it took longer than
 * {@link WorldChanges#APPLY_TIMEOUT}.
 */
@Path("/autonomous-systems/{asn}/announcements")
@Produces(MediaType.APPLICATION_JSON)
public class AnnouncementResource {
    private final RoutingService service;

    AnnouncementResource(RoutingService service) {
        this.service = service;
    }

    public record AnnouncementBody(String prefix) {
    }

    /** The change made: {@code change} is "announced" or "withdrawn"; {@code originates} what the AS now originates. */
    public record AnnouncementChange(long asn, String change, String prefix, List<String> originates, String topic,
                                     boolean applied) {
    }

    /** POST {"prefix":"54.217.40.0/24"}: the AS starts originating the prefix. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response announce(@PathParam("asn") String asn, AnnouncementBody body) {
        String prefix = body == null ? null : body.prefix();
        return answer(service.announce(LookingGlassResource.asn(asn), prefix), "announced", prefix);
    }

    /**
     * DELETE .../announcements/54.216.0.0/15: the prefix's address and length are two path segments, so the slash
     * of the CIDR notation needs no escaping.
     */
    @DELETE
    @Path("/{address}/{length}")
    public Response withdraw(@PathParam("asn") String asn, @PathParam("address") String address,
                             @PathParam("length") String length) {
        String prefix = address + "/" + length;
        return answer(service.withdraw(LookingGlassResource.asn(asn), prefix), "withdrawn", prefix);
    }

    private static Response answer(WorldChanges.Applied<AutonomousSystem> written, String change, String prefix) {
        AutonomousSystem updated = written.value();
        return Response.status(written.httpStatus()).entity(new AnnouncementChange(updated.asn(), change,
                prefix.trim(), updated.originates(), written.topic(), written.applied())).build();
    }
}

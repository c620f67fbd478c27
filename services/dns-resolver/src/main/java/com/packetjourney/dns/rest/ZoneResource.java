package com.packetjourney.dns.rest;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.dns.service.DnsService;
import com.packetjourney.kafka.WorldChanges;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The zones of the world's authoritative servers, and edits to them. An edit is a world change: the whole updated
 * zone is written to pj.world.dns-zones; the answer comes once this service has read it back (200), or 202 if that
 * took longer than {@link WorldChanges#APPLY_TIMEOUT}. Resolvers see it only when what they cached from the old zone
 * expires.
 */
@Path("/zones")
@Produces(MediaType.APPLICATION_JSON)
public class ZoneResource {
    private final DnsService service;

    ZoneResource(DnsService service) {
        this.service = service;
    }

    /** The origins of the zones the world's authoritative servers serve. */
    @GET
    public List<String> zones() {
        return service.zones().origins();
    }

    @GET
    @Path("{origin}")
    public DnsZone zone(@PathParam("origin") String origin) {
        return service.zones().zone(origin).orElseThrow(() -> Refused.unknown("origin", "no zone '" + origin
                + "' in the world"));
    }

    /** Replaces one RRset of the zone. */
    @PUT
    @Path("{origin}/records")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("origin") String origin, RecordSetBody body) {
        if (body == null) {
            throw Refused.invalid("body", "the RRset is missing, e.g. {\"name\":\"www." + origin
                    + "\",\"type\":\"A\",\"ttl\":300,\"values\":[\"192.0.2.1\"]}");
        }
        return answer(service.editZone(zones -> zones.replaceRRset(origin, body.name(), body.type(), body.ttl(),
                body.values())));
    }

    /** Removes one RRset of the zone. */
    @DELETE
    @Path("{origin}/records/{name}/{type}")
    public Response remove(@PathParam("origin") String origin, @PathParam("name") String name,
                           @PathParam("type") String type) {
        return answer(service.editZone(zones -> zones.removeRRset(origin, name, type)));
    }

    private static Response answer(WorldChanges.Applied<DnsZone> written) {
        return Response.status(written.httpStatus()).entity(written.value()).build();
    }
}

package com.packetjourney.dns.rest;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.dns.messaging.DnsWorld;
import com.packetjourney.dns.service.DnsService;
import com.packetjourney.dns.service.NotFoundException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.util.List;

/**
 * The zones of the world's authoritative servers, and edits to them. An edit is a world change: the whole updated
 * zone is written to pj.world.dns-zones, and the response comes once this service has read it back. Resolvers
 * see it only when what they cached from the old zone expires.
 */
@Path("/zones")
@Produces(MediaType.APPLICATION_JSON)
public class ZoneResource {
    private static final Duration READ_BACK = Duration.ofSeconds(30);

    @Inject
    DnsService service;
    @Inject
    DnsWorld world;

    /** The origins of the zones the world's authoritative servers serve. */
    @GET
    public List<String> zones() {
        return service.zoneOrigins();
    }

    @GET
    @Path("{origin}")
    public DnsZone zone(@PathParam("origin") String origin) {
        return service.zone(origin).orElseThrow(() -> new NotFoundException("origin", "no zone '" + origin
                + "' in the world"));
    }

    /** Replaces one RRset of the zone. */
    @PUT
    @Path("{origin}/records")
    @Consumes(MediaType.APPLICATION_JSON)
    public DnsZone replace(@PathParam("origin") String origin, RecordSetBody body) throws InterruptedException {
        if (body == null) {
            throw new InvalidParameterException("body", "the RRset is missing, e.g. {\"name\":\"www." + origin
                    + "\",\"type\":\"A\",\"ttl\":300,\"values\":[\"192.0.2.1\"]}");
        }
        // One edit at a time: each starts from the zone the previous one left, read back from the world.
        synchronized (ZoneResource.class) {
            return write(service.replaceRRset(origin, body.name(), body.type(), body.ttl(), body.values()));
        }
    }

    /** Removes one RRset of the zone. */
    @DELETE
    @Path("{origin}/records/{name}/{type}")
    public DnsZone remove(@PathParam("origin") String origin, @PathParam("name") String name,
                          @PathParam("type") String type) throws InterruptedException {
        synchronized (ZoneResource.class) {
            return write(service.removeRRset(origin, name, type));
        }
    }

    private DnsZone write(DnsService.ZoneChange change) throws InterruptedException {
        world.publish(Topics.WORLD_DNS_ZONES, change.key(), change.zone());
        if (!service.awaitZone(change, READ_BACK)) {
            throw new IllegalStateException("zone " + change.key() + " was written but not read back within "
                    + READ_BACK.toSeconds() + " s");
        }
        return change.zone();
    }
}

package com.packetjourney.dhcp.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.dhcp.domain.PoolChange;
import com.packetjourney.dhcp.service.DhcpService;
import com.packetjourney.kafka.WorldChanges;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A LAN's DHCP pool: read it, or change it (what if the pool were smaller?). A change is written as the updated LAN
 * record to pj.world.lans and the server takes it when it reads the record back; the answer comes once that
 * happened (200), or 202 if it took longer than {@link WorldChanges#APPLY_TIMEOUT}.
 */
@Path("/lans/{lan}/pool")
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {
    private final DhcpService service;

    PoolResource(DhcpService service) {
        this.service = service;
    }

    /** Every field is text so that validation, not JSON binding, explains what is wrong; no leaseSeconds keeps it. */
    public record PoolBody(String poolStart, String poolEnd, String leaseSeconds) {
    }

    /** {@code applied} and {@code topic} are set on a change: whether the server has taken it, and where it went. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PoolView(String lan, String cidr, String poolStart, String poolEnd, long leaseSeconds, long size,
                           String topic, Boolean applied) {
        static PoolView of(LanSegment lan, WorldChanges.Applied<LanSegment> change) {
            return new PoolView(lan.id(), lan.cidr(), lan.poolStart(), lan.poolEnd(), lan.leaseSeconds(),
                    PoolChange.size(lan), change == null ? null : change.topic(),
                    change == null ? null : change.applied());
        }
    }

    @GET
    public PoolView pool(@PathParam("lan") String lan) {
        return PoolView.of(service.lan(lan), null);
    }

    /** PUT {"poolStart":"192.168.1.100","poolEnd":"192.168.1.100","leaseSeconds":3600}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("lan") String lan, PoolBody body) {
        PoolBody b = body == null ? new PoolBody(null, null, null) : body;
        WorldChanges.Applied<LanSegment> change = service.changePool(lan, b.poolStart(), b.poolEnd(),
                b.leaseSeconds());
        return Response.status(change.httpStatus()).entity(PoolView.of(change.value(), change)).build();
    }
}

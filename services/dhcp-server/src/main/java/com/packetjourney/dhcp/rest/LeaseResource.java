package com.packetjourney.dhcp.rest;

import com.packetjourney.contracts.world.DhcpLease;
import com.packetjourney.dhcp.service.DhcpService;
import com.packetjourney.kafka.WorldChanges;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The lease table of a LAN's DHCP server, as a router's "show ip dhcp binding" would list it. */
@Path("/lans/{lan}/leases")
@Produces(MediaType.APPLICATION_JSON)
public class LeaseResource {
    private final DhcpService service;

    LeaseResource(DhcpService service) {
        this.service = service;
    }

    /** The binding given up; {@code applied} once the server has read the tombstone back from {@code topic}. */
    public record Released(String lan, String clientMac, String address, String topic, boolean applied) {
    }

    @GET
    public List<DhcpLease> leases(@PathParam("lan") String lan) {
        return service.leases(lan);
    }

    /**
     * A DHCPRELEASE from the client: its lease is tombstoned on pj.world.dhcp-leases and the address returns to the
     * pool when the server reads that back (200 once it has, 202 if that took longer than the apply timeout).
     */
    @POST
    @Path("/{mac}/release")
    public Response release(@PathParam("lan") String lan, @PathParam("mac") String mac) {
        WorldChanges.Applied<DhcpLease> change = service.release(lan, mac);
        DhcpLease lease = change.value();
        return Response.status(change.httpStatus()).entity(new Released(lease.lan(), lease.clientMac(),
                lease.address(), change.topic(), change.applied())).build();
    }
}

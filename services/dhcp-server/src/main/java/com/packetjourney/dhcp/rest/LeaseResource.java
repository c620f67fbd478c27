package com.packetjourney.dhcp.rest;

import com.packetjourney.contracts.world.DhcpLease;
import com.packetjourney.dhcp.service.DhcpService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The lease table of a LAN's DHCP server, as a router's "show ip dhcp binding" would list it. */
@Path("/lans/{lan}/leases")
@Produces(MediaType.APPLICATION_JSON)
public class LeaseResource {
    @Inject
    DhcpService service;

    @GET
    public List<DhcpLease> leases(@PathParam("lan") String lan) {
        return service.leases(lan).orElseThrow(() -> new NotFoundException("no LAN named " + lan));
    }
}

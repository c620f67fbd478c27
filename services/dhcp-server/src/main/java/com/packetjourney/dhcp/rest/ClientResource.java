package com.packetjourney.dhcp.rest;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.dhcp.messaging.DhcpWorld;
import com.packetjourney.dhcp.service.DhcpService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;

/**
 * A device joins a LAN (what if a phone came home?): written to pj.world.clients, where every service learns it; the
 * answer comes once this service has read it back (201), or 202 if that took longer than {@link #APPLY_TIMEOUT}.
 */
@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {
    static final Duration APPLY_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    DhcpService service;
    @Inject
    DhcpWorld world;

    public record ClientBody(String name, String mac, String lan) {
    }

    public record ClientView(String name, String mac, String lan, String topic, boolean applied) {
    }

    /** POST {"name":"phone","mac":"3c:22:fb:7a:10:02","lan":"home"}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(ClientBody body) {
        world.awaitCaughtUp();
        ClientBody b = body == null ? new ClientBody(null, null, null) : body;
        ClientDevice device = service.addClient(b.name(), b.mac(), b.lan());
        world.publishClient(device);
        boolean applied = service.awaitClient(device, APPLY_TIMEOUT);
        return Response.status(applied ? Response.Status.CREATED : Response.Status.ACCEPTED)
                .entity(new ClientView(device.name(), device.mac(), device.lan(), Topics.WORLD_CLIENTS, applied))
                .build();
    }
}

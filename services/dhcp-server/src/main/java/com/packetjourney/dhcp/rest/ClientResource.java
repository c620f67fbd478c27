package com.packetjourney.dhcp.rest;

import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.dhcp.service.DhcpService;
import com.packetjourney.kafka.WorldChanges;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/**
 * A device joins a LAN (what if a phone came home?): written to pj.world.clients, where every service learns it; the
 * answer comes once this service has read it back (201), or 202 if that took longer than {@link #APPLY_TIMEOUT}.
 */
@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {
    private final DhcpService service;

    ClientResource(DhcpService service) {
        this.service = service;
    }

    public record ClientBody(String name, String mac, String lan) {
    }

    public record ClientView(String name, String mac, String lan, String topic, boolean applied) {
    }

    /** POST {"name":"phone","mac":"3c:22:fb:7a:10:02","lan":"home"}: 201 once read back, 202 if still on its way. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(ClientBody body) {
        ClientBody b = body == null ? new ClientBody(null, null, null) : body;
        WorldChanges.Applied<ClientDevice> added = service.addClient(b.name(), b.mac(), b.lan());
        ClientDevice device = added.value();
        return Response.status(added.applied() ? Response.Status.CREATED : Response.Status.ACCEPTED)
                .entity(new ClientView(device.name(), device.mac(), device.lan(), added.topic(), added.applied()))
                .build();
    }
}

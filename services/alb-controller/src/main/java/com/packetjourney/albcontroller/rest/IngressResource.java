package com.packetjourney.albcontroller.rest;

import com.packetjourney.albcontroller.service.AlbControllerService;
import com.packetjourney.albcontroller.service.AlbControllerService.IngressStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Each Ingress the controller saw and how its translation went, like the events `kubectl describe ingress` shows. */
@Path("/ingresses")
@Produces(MediaType.APPLICATION_JSON)
public class IngressResource {
    private final AlbControllerService service;

    IngressResource(AlbControllerService service) {
        this.service = service;
    }

    @GET
    public List<IngressStatus> ingresses() {
        return service.ingressStatuses();
    }
}

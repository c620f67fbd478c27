package com.packetjourney.albcontroller.rest;

import com.packetjourney.albcontroller.service.AlbControllerService;
import com.packetjourney.albcontroller.service.AlbControllerService.IngressStatus;
import com.packetjourney.albcontroller.service.AlbControllerService.TargetGroupView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** What the controller made of the cluster: the Ingresses it translated and the target groups it manages. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ControllerResource {
    private final AlbControllerService service;

    ControllerResource(AlbControllerService service) {
        this.service = service;
    }

    /** Each Ingress the controller saw and how its translation went, like the events `kubectl describe ingress` shows. */
    @GET
    @Path("ingresses")
    public List<IngressStatus> ingresses() {
        return service.ingressStatuses();
    }

    /** The target groups the controller manages and the targets it registered in them. */
    @GET
    @Path("target-groups")
    public List<TargetGroupView> targetGroups() {
        return service.targetGroups();
    }
}

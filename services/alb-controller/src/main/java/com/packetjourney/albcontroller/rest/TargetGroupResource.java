package com.packetjourney.albcontroller.rest;

import com.packetjourney.albcontroller.service.AlbControllerService;
import com.packetjourney.albcontroller.service.AlbControllerService.TargetGroupView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The target groups the controller manages and the targets it registered in them. */
@Path("/target-groups")
@Produces(MediaType.APPLICATION_JSON)
public class TargetGroupResource {
    private final AlbControllerService service;

    TargetGroupResource(AlbControllerService service) {
        this.service = service;
    }

    @GET
    public List<TargetGroupView> targetGroups() {
        return service.targetGroups();
    }
}

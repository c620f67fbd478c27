package com.packetjourney.alb.rest;

import com.packetjourney.alb.service.AlbService;
import com.packetjourney.contracts.Refused;
import com.packetjourney.alb.service.AlbService.TargetHealth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The registered targets of a load balancer's target groups, as `aws elbv2 describe-target-health` lists them. */
@Path("/load-balancers/{name}/target-health")
@Produces(MediaType.APPLICATION_JSON)
public class TargetHealthResource {
    private final AlbService service;

    TargetHealthResource(AlbService service) {
        this.service = service;
    }

    @GET
    public List<TargetHealth> targetHealth(@PathParam("name") String name) {
        return service.targetHealth(name)
                .orElseThrow(() -> Refused.unknown("name", "no load balancer named " + name));
    }
}

package com.packetjourney.cni.rest;

import com.packetjourney.cni.service.NodeCniService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Each node's ENIs with the addresses given to pods and those still warm, and the node's max pods. */
@Path("/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {
    @Inject
    NodeCniService service;

    @GET
    public List<NodeCniService.NodeView> nodes() {
        return service.nodes();
    }

    @GET
    @Path("/{name}")
    public Response node(@PathParam("name") String name) {
        return service.node(name).map(n -> Response.ok(n).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "no node named " + name, "name"));
    }
}

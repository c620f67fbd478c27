package com.packetjourney.cni.rest;

import com.packetjourney.cni.service.CniReconciler;
import com.packetjourney.cni.service.NodeCniService;
import com.packetjourney.contracts.Refused;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Each node's ENIs with the addresses given to pods and those still warm, and the node's max pods. */
@Path("/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {
    private final NodeCniService service;

    NodeResource(NodeCniService service) {
        this.service = service;
    }

    @GET
    public List<CniReconciler.NodeView> nodes() {
        return service.cni().nodes();
    }

    @GET
    @Path("/{name}")
    public CniReconciler.NodeView node(@PathParam("name") String name) {
        return service.cni().node(name).orElseThrow(() -> Refused.unknown("name", "no node named " + name));
    }
}

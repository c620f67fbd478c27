package com.packetjourney.k8s.rest;

import com.packetjourney.k8s.domain.NodeStatus;
import com.packetjourney.k8s.service.K8sApiService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The nodes with their pod capacity and the pods bound to them. */
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {
    private final K8sApiService service;

    NodeResource(K8sApiService service) {
        this.service = service;
    }

    @GET
    public List<NodeStatus> nodes() {
        return service.nodes();
    }
}

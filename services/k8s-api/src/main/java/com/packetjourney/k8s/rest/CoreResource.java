package com.packetjourney.k8s.rest;

import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.k8s.domain.NodeStatus;
import com.packetjourney.k8s.service.K8sApiService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The core API group (/api/v1): nodes and pods, as kubectl reads and deletes them. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CoreResource {
    private final K8sApiService service;

    CoreResource(K8sApiService service) {
        this.service = service;
    }

    /** The nodes with their pod capacity and the pods bound to them. */
    @GET
    @Path("nodes")
    public List<NodeStatus> nodes() {
        return service.nodes();
    }

    /** Every pod of the cluster, as "kubectl get pods -A -o wide" lists them. */
    @GET
    @Path("pods")
    public List<Pod> pods() {
        return service.pods();
    }

    /**
     * "kubectl delete pod": the pod is answered as it is now, Terminating; it is deleted and its ReplicaSet creates a
     * replacement, and the ALB controller deregisters its target, which drains.
     */
    @DELETE
    @Path("namespaces/{namespace}/pods/{name}")
    public Pod delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return service.deletePod(namespace, name);
    }
}

package com.packetjourney.k8s.rest;

import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.k8s.service.K8sApiService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Every pod of the cluster, as "kubectl get pods -A -o wide" lists them. */
@Path("/api/v1/pods")
@Produces(MediaType.APPLICATION_JSON)
public class PodResource {
    private final K8sApiService service;

    PodResource(K8sApiService service) {
        this.service = service;
    }

    @GET
    public List<Pod> pods() {
        return service.pods();
    }
}

package com.packetjourney.k8s.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.hop.WorldFeed;
import com.packetjourney.k8s.service.K8sApiService;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the control plane reads (from the beginning on every start): the manifests and the CNI's pod networks, and
 * its own logs (pods and the mirrored nodes, services and ingresses), so a restart continues with the same pods
 * instead of creating new ones. Reconciling starts once all of that has been read up to where it stood at start.
 */
@ApplicationScoped
public class K8sApiWorld {
    private static final TypeReference<WatchEvent<Pod>> POD_EVENT = new TypeReference<>() {
    };

    private final K8sApiService service;
    private final KeyedWriter writer;
    private final String bootstrapServers;
    private WorldFeed feed;

    K8sApiWorld(K8sApiService service, KeyedWriter writer,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.service = service;
        this.writer = writer;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        feed = WorldFeed.start("k8s-api", bootstrapServers, World.subscriptions()
                        .on(Topics.WORLD_SIMULATION, Simulation.class, (key, simulation) -> service.onSimulation(simulation))
                        .on(Topics.WORLD_K8S_MANIFESTS, K8sObject.class, service::onManifest)
                        .on(Topics.CNI_POD_NETWORKS, PodNetwork.class, service::onPodNetwork)
                        .on(Topics.K8S_PODS, POD_EVENT, service::onPodEvent)
                        .on(Topics.K8S_NODES, Node.class, (key, node) -> service.onPublished(Topics.K8S_NODES, key, node))
                        .on(Topics.K8S_SERVICES, Service.class,
                                (key, s) -> service.onPublished(Topics.K8S_SERVICES, key, s))
                        .on(Topics.K8S_INGRESSES, Ingress.class,
                                (key, ingress) -> service.onPublished(Topics.K8S_INGRESSES, key, ingress)),
                service::startReconciling, writer);
    }

    public WorldFeed feed() {
        return feed;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (feed != null) {
            feed.close();
        }
    }
}

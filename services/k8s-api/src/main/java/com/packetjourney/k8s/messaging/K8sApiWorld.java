package com.packetjourney.k8s.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.k8s.service.K8sApiService;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.TopicTail;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Feeds the control plane from the manifests and the CNI's pod networks, and reads back its own logs (pods and the
 * mirrored nodes, services and ingresses) so a restart continues with the same pods instead of creating new ones.
 * Reconciling starts once all of that has been read up to where it stood at start (and the seed is known).
 */
@ApplicationScoped
public class K8sApiWorld {
    private static final Logger LOG = Logger.getLogger(K8sApiWorld.class);
    private static final TypeReference<WatchEvent<Pod>> POD_EVENT = new TypeReference<>() {
    };

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KeyedWriter writer;
    private TopicTail tail;

    @Produces
    @Singleton
    K8sApiService k8sApiService() {
        writer = new KeyedWriter(bootstrapServers, "k8s-api");
        return new K8sApiService(writer::sendAndWait);
    }

    void onStart(@Observes StartupEvent event, K8sApiService service) {
        tail = new TopicTail("k8s-api", bootstrapServers, List.of(Topics.WORLD_SIMULATION, Topics.WORLD_K8S_MANIFESTS,
                Topics.CNI_POD_NETWORKS, Topics.K8S_PODS, Topics.K8S_NODES, Topics.K8S_SERVICES, Topics.K8S_INGRESSES),
                (topic, key, value) -> {
                    switch (topic) {
                        case Topics.WORLD_SIMULATION ->
                                service.onSimulation(value == null ? null : Json.read(value, Simulation.class));
                        case Topics.WORLD_K8S_MANIFESTS ->
                                service.onManifest(key, value == null ? null : Json.read(value, K8sObject.class));
                        case Topics.CNI_POD_NETWORKS ->
                                service.onPodNetwork(key, value == null ? null : Json.read(value, PodNetwork.class));
                        case Topics.K8S_PODS -> service.onPodEvent(key, value == null ? null : readPodEvent(value));
                        case Topics.K8S_NODES ->
                                service.onPublished(topic, key, value == null ? null : Json.read(value, Node.class));
                        case Topics.K8S_SERVICES ->
                                service.onPublished(topic, key, value == null ? null : Json.read(value, Service.class));
                        case Topics.K8S_INGRESSES ->
                                service.onPublished(topic, key, value == null ? null : Json.read(value, Ingress.class));
                        default -> { }
                    }
                }).start();
        Thread starter = new Thread(() -> {
            try {
                while (!tail.awaitCaughtUp(Duration.ofSeconds(60))) {
                    LOG.warn("k8s-api: still reading the logs back, not reconciling yet");
                }
                service.startReconciling();
                LOG.info("k8s-api: logs read back");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "k8s-api-reconcile-start");
        starter.setDaemon(true);
        starter.start();
    }

    private static WatchEvent<Pod> readPodEvent(byte[] value) {
        try {
            return Json.mapper().readValue(value, POD_EVENT);
        } catch (IOException e) {
            throw new UnreadableEventException("not a valid pod watch event: " + e.getMessage());
        }
    }

    /** Blocks until the logs as they stood at start have been applied. */
    public void awaitCaughtUp() {
        try {
            if (!tail.awaitCaughtUp(Duration.ofSeconds(60))) {
                throw new IllegalStateException("world topics not read within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (tail != null) {
            tail.close();
        }
        if (writer != null) {
            writer.close();
        }
    }
}

package com.packetjourney.cni.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.packetjourney.cni.domain.WarmPoolPolicy;
import com.packetjourney.cni.service.NodeCniService;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.contracts.k8s.EniAttachment;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.PodSlowness;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.kafka.HopInput;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.TopicTail;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Feeds the CNI from the cluster (manifests, nodes, pod watch events) and the slow-pod orders, and reads back the
 * pod networks and ENI attachments it published before, so a restart keeps every pod's address. Addresses are
 * handed out only once all of that has been read up to where it stood at start (and the seed is known); hops wait
 * for the same point. The warm pool targets are aws-node's settings, here configuration ({@code pj.cni.*}).
 */
@ApplicationScoped
public class NodeCniWorld {
    private static final Logger LOG = Logger.getLogger(NodeCniWorld.class);
    private static final TypeReference<WatchEvent<Pod>> POD_EVENT = new TypeReference<>() {
    };

    @Inject
    ChannelRegistry channels;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "pj.cni.warm-eni-target", defaultValue = "1")
    int warmEniTarget;
    @ConfigProperty(name = "pj.cni.warm-ip-target", defaultValue = "0")
    int warmIpTarget;
    @ConfigProperty(name = "pj.cni.minimum-ip-target", defaultValue = "0")
    int minimumIpTarget;

    private KeyedWriter writer;
    private TopicTail tail;

    @Produces
    @Singleton
    NodeCniService nodeCniService() {
        writer = new KeyedWriter(bootstrapServers, "node-cni");
        return new NodeCniService(Clock.systemUTC(), writer::sendAndWait,
                new WarmPoolPolicy(warmEniTarget, warmIpTarget, minimumIpTarget));
    }

    void onStart(@Observes StartupEvent event, NodeCniService service) {
        tail = new TopicTail("node-cni", bootstrapServers, List.of(Topics.WORLD_SIMULATION, Topics.WORLD_K8S_MANIFESTS,
                Topics.K8S_NODES, Topics.K8S_PODS, Topics.CNI_POD_NETWORKS, Topics.CNI_ENIS,
                Topics.WORLD_POD_SLOWNESS), (topic, key, value) -> {
            switch (topic) {
                case Topics.WORLD_SIMULATION ->
                        service.onSimulation(value == null ? null : Json.read(value, Simulation.class));
                case Topics.WORLD_K8S_MANIFESTS ->
                        service.onManifest(key, value == null ? null : Json.read(value, K8sObject.class));
                case Topics.K8S_NODES -> service.onNode(key, value == null ? null : Json.read(value, Node.class));
                case Topics.K8S_PODS -> service.onPodEvent(key, value == null ? null : readPodEvent(value));
                case Topics.CNI_POD_NETWORKS ->
                        service.onPodNetwork(key, value == null ? null : Json.read(value, PodNetwork.class));
                case Topics.CNI_ENIS ->
                        service.onEniAttachment(key, value == null ? null : Json.read(value, EniAttachment.class));
                case Topics.WORLD_POD_SLOWNESS ->
                        service.onPodSlowness(key, value == null ? null : Json.read(value, PodSlowness.class));
                default -> { }
            }
        }).onCaughtUp(HopInput.resumer(channels, NodeCniHop.INPUT)).start();
        Thread starter = new Thread(() -> {
            try {
                while (!tail.awaitCaughtUp(Duration.ofSeconds(60))) {
                    LOG.warn("node-cni: still reading the logs back, no addresses handed out yet");
                }
                service.startReconciling();
                LOG.info("node-cni: logs read back");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "node-cni-reconcile-start");
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

    /** Blocks until the world as it stood at start has been applied. */
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

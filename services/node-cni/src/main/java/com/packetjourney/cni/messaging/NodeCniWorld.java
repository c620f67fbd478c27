package com.packetjourney.cni.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.packetjourney.cni.service.CniReconciler;
import com.packetjourney.cni.service.NodeCniService;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.EniAttachment;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.PodSlowness;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.hop.WorldFeed;
import com.packetjourney.kafka.HopInput;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the CNI reads (from the beginning on every start): the cluster's manifests, nodes and pod watch events, the
 * slow-pod orders, and the pod networks and ENI attachments it published before, so a restart keeps every pod's
 * address. Once all of it has been read up to where it stood at start, ipamd starts handing out addresses and the
 * hop's input is resumed.
 */
@ApplicationScoped
public class NodeCniWorld {
    private static final TypeReference<WatchEvent<Pod>> POD_EVENT = new TypeReference<>() {
    };

    private final NodeCniService service;
    private final ChannelRegistry channels;
    private final KeyedWriter writer;
    private final String bootstrapServers;
    private WorldFeed feed;

    NodeCniWorld(NodeCniService service, ChannelRegistry channels, KeyedWriter writer,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.service = service;
        this.channels = channels;
        this.writer = writer;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        CniReconciler cni = service.cni();
        Runnable resume = HopInput.resumer(channels, NodeCniHop.INPUT);
        feed = WorldFeed.start("node-cni", bootstrapServers, World.subscriptions()
                        .on(Topics.WORLD_SIMULATION, Simulation.class, (key, simulation) -> cni.onSimulation(simulation))
                        .on(Topics.WORLD_K8S_MANIFESTS, K8sObject.class, service.manifests())
                        .on(Topics.K8S_NODES, Node.class, cni::onNode)
                        .on(Topics.K8S_PODS, POD_EVENT, cni::onPodEvent)
                        .on(Topics.CNI_POD_NETWORKS, PodNetwork.class, cni::onPodNetwork)
                        .on(Topics.CNI_ENIS, EniAttachment.class, cni::onEniAttachment)
                        .on(Topics.WORLD_POD_SLOWNESS, PodSlowness.class, service::onPodSlowness),
                () -> {
                    cni.startReconciling();
                    resume.run();
                }, writer);
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

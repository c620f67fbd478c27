package com.packetjourney.cni.messaging;

import com.packetjourney.cni.service.CniReconciler;
import com.packetjourney.cni.service.NodeCniService;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.EniAttachment;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.PodSlowness;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.hop.WorldFeeds;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * What the CNI reads (from the beginning on every start): the cluster's manifests, nodes and pod watch events, the
 * slow-pod orders, and the pod networks and ENI attachments it published before, so a restart keeps every pod's
 * address. Once all of it has been read up to where it stood at start, ipamd starts handing out addresses and the
 * hop's input is resumed.
 */
@Startup
@Singleton
public class NodeCniWorld {
    NodeCniWorld(NodeCniService service, WorldFeeds feeds) {
        CniReconciler cni = service.cni();
        Runnable resume = feeds.resumeAfter(1, NodeCniHop.INPUT);
        feeds.start(World.subscriptions()
                        .on(Topics.WORLD_SIMULATION, Simulation.class, (key, simulation) -> cni.onSimulation(simulation))
                        .on(Topics.WORLD_K8S_MANIFESTS, K8sObject.class, service.manifests())
                        .on(Topics.K8S_NODES, Node.class, cni::onNode)
                        .on(Topics.K8S_PODS, WatchEvent.OF_PODS, cni::onPodEvent)
                        .on(Topics.CNI_POD_NETWORKS, PodNetwork.class, cni::onPodNetwork)
                        .on(Topics.CNI_ENIS, EniAttachment.class, cni::onEniAttachment)
                        .on(Topics.WORLD_POD_SLOWNESS, PodSlowness.class, service::onPodSlowness),
                () -> {
                    cni.startReconciling();
                    resume.run();
                });
    }
}

package com.packetjourney.k8s.messaging;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.hop.WorldFeeds;
import com.packetjourney.k8s.service.K8sApiService;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * What the control plane reads (from the beginning on every start): the manifests and the CNI's pod networks, and
 * its own logs (pods and the mirrored nodes, services and ingresses), so a restart continues with the same pods
 * instead of creating new ones. Reconciling starts once all of that has been read up to where it stood at start.
 */
@Startup
@Singleton
public class K8sApiWorld {
    K8sApiWorld(K8sApiService service, WorldFeeds feeds) {
        feeds.start(World.subscriptions()
                        .on(Topics.WORLD_SIMULATION, Simulation.class, (key, s) -> service.onSimulation(s))
                        .on(Topics.WORLD_K8S_MANIFESTS, K8sObject.class, service::onManifest)
                        .on(Topics.CNI_POD_NETWORKS, PodNetwork.class, service::onPodNetwork)
                        .on(Topics.K8S_PODS, WatchEvent.OF_PODS, service::onPodEvent)
                        .on(Topics.K8S_NODES, Node.class, (key, n) -> service.onPublished(Topics.K8S_NODES, key, n))
                        .on(Topics.K8S_SERVICES, Service.class,
                                (key, s) -> service.onPublished(Topics.K8S_SERVICES, key, s))
                        .on(Topics.K8S_INGRESSES, Ingress.class,
                                (key, i) -> service.onPublished(Topics.K8S_INGRESSES, key, i)),
                service::startReconciling);
    }
}

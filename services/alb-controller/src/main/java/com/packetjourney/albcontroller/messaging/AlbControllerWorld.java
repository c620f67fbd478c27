package com.packetjourney.albcontroller.messaging;

import com.packetjourney.albcontroller.service.AlbControllerService;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.hop.WorldFeeds;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * What the controller reads (from the beginning on every start): the load balancers, the Kubernetes ingresses,
 * services and pods, and its own outputs (its actual state). Reconciling starts once everything that stood at start
 * has been read, so a restart writes only the difference.
 */
@Startup
@Singleton
public class AlbControllerWorld {
    AlbControllerWorld(AlbControllerService service, WorldFeeds feeds) {
        feeds.start(World.subscriptions()
                        .on(Topics.WORLD_LOAD_BALANCERS, LoadBalancer.class, service::onLoadBalancer)
                        .on(Topics.K8S_INGRESSES, Ingress.class, service::onIngress)
                        .on(Topics.K8S_SERVICES, Service.class, service::onService)
                        .on(Topics.K8S_PODS, WatchEvent.OF_PODS, service::onPod)
                        .on(Topics.ALB_CONFIG, AlbConfig.class, service::onConfigWritten)
                        .on(Topics.ALB_TARGETS, TargetRegistration.class, service::onTargetWritten),
                service::startReconciling);
    }
}

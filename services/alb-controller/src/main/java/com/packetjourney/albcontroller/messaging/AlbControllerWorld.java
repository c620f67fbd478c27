package com.packetjourney.albcontroller.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.packetjourney.albcontroller.service.AlbControllerService;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.hop.WorldFeed;
import com.packetjourney.kafka.World;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the controller reads (from the beginning on every start): the load balancers, the Kubernetes ingresses,
 * services and pods, and its own outputs (its actual state). Reconciling starts once everything that stood at start
 * has been read, so a restart writes only the difference.
 */
@ApplicationScoped
public class AlbControllerWorld {
    private static final TypeReference<WatchEvent<Pod>> POD_EVENT = new TypeReference<>() {
    };

    private final AlbControllerService service;
    private final String bootstrapServers;
    private WorldFeed feed;

    AlbControllerWorld(AlbControllerService service,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.service = service;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        feed = WorldFeed.start("alb-controller", bootstrapServers, World.subscriptions()
                        .on(Topics.WORLD_LOAD_BALANCERS, LoadBalancer.class, service::onLoadBalancer)
                        .on(Topics.K8S_INGRESSES, Ingress.class, service::onIngress)
                        .on(Topics.K8S_SERVICES, Service.class, service::onService)
                        .on(Topics.K8S_PODS, POD_EVENT, service::onPod)
                        .on(Topics.ALB_CONFIG, AlbConfig.class, service::onConfigWritten)
                        .on(Topics.ALB_TARGETS, TargetRegistration.class, service::onTargetWritten),
                service::startReconciling, null);
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

package com.packetjourney.albcontroller.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.packetjourney.albcontroller.service.AlbControllerService;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.LoadBalancer;
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
 * Feeds the controller from the world and Kubernetes topics and from its own outputs (its actual state), all read
 * from the beginning on every start, and writes configurations and registrations. Reconciling starts once
 * everything that stood at start has been read, so a restart writes only the difference.
 */
@ApplicationScoped
public class AlbControllerWorld {
    private static final Logger LOG = Logger.getLogger(AlbControllerWorld.class);
    private static final TypeReference<WatchEvent<Pod>> POD_EVENT = new TypeReference<>() {
    };

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KeyedWriter writer;
    private TopicTail tail;
    private Thread starter;

    @Produces
    @Singleton
    AlbControllerService albControllerService() {
        writer = new KeyedWriter(bootstrapServers, "alb-controller");
        return new AlbControllerService(
                (loadBalancer, config) -> writer.send(Topics.ALB_CONFIG, loadBalancer, config),
                (key, target) -> writer.send(Topics.ALB_TARGETS, key, target));
    }

    void onStart(@Observes StartupEvent event, AlbControllerService service) {
        tail = new TopicTail("alb-controller", bootstrapServers, List.of(Topics.WORLD_LOAD_BALANCERS,
                Topics.K8S_INGRESSES, Topics.K8S_SERVICES, Topics.K8S_PODS, Topics.ALB_CONFIG, Topics.ALB_TARGETS),
                (topic, key, value) -> {
                    switch (topic) {
                        case Topics.WORLD_LOAD_BALANCERS -> service.onLoadBalancer(key, read(value, LoadBalancer.class));
                        case Topics.K8S_INGRESSES -> service.onIngress(key, read(value, Ingress.class));
                        case Topics.K8S_SERVICES -> service.onService(key, read(value, Service.class));
                        case Topics.K8S_PODS -> service.onPod(key, readPodEvent(value));
                        case Topics.ALB_CONFIG -> service.onConfigWritten(key, read(value, AlbConfig.class));
                        case Topics.ALB_TARGETS -> service.onTargetWritten(key, read(value, TargetRegistration.class));
                        default -> { }
                    }
                }).start();
        starter = new Thread(() -> {
            try {
                while (!tail.awaitCaughtUp(Duration.ofSeconds(60))) {
                    LOG.warn("world topics not read within 60 s; still waiting before reconciling");
                }
            } catch (InterruptedException e) {
                return;
            }
            service.startReconciling();
            LOG.info("world read; reconciling");
        }, "alb-controller-start");
        starter.setDaemon(true);
        starter.start();
    }

    private static <T> T read(byte[] value, Class<T> type) {
        return value == null ? null : Json.read(value, type);
    }

    private static WatchEvent<Pod> readPodEvent(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(value, POD_EVENT);
        } catch (IOException e) {
            throw new UnreadableEventException("not a valid pod WatchEvent: " + e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (starter != null) {
            starter.interrupt();
        }
        if (tail != null) {
            tail.close();
        }
        if (writer != null) {
            writer.close();
        }
    }
}

package com.packetjourney.journeylog.messaging;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.journeylog.capture.JourneyCapture;
import com.packetjourney.journeylog.service.JourneyExport;
import com.packetjourney.journeylog.service.JourneyLogService;
import com.packetjourney.journeylog.service.OtlpPush;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.kafka.World;
import com.packetjourney.kafka.WorldTable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What exporting journeys needs beyond the hop topics: the VPC address of each ALB node, which no hop event carries,
 * from the world's load balancer records (pj.world.load-balancers, read from the beginning); and, when
 * {@code pj.otlp.endpoint} is set, the push of every finished journey's trace to that OTLP/HTTP receiver.
 */
@ApplicationScoped
public class JourneyExports implements JourneyCapture.AlbNodes {
    private static final Logger LOG = Logger.getLogger(JourneyExports.class);
    /** How long an export waits for the load balancer records on a fresh start. */
    private static final Duration WORLD_WAIT = Duration.ofSeconds(5);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "pj.otlp.endpoint")
    Optional<String> otlpEndpoint;

    private final WorldTable<LoadBalancer> loadBalancers = new WorldTable<>();
    private TopicTail tail;

    @Produces
    @Singleton
    JourneyExport journeyExport(JourneyLogService service) {
        return new JourneyExport(service, this);
    }

    void onStart(@Observes StartupEvent event, JourneyLogService service, JourneyExport export) {
        tail = World.subscriptions().on(Topics.WORLD_LOAD_BALANCERS, LoadBalancer.class, loadBalancers)
                .reading("journey-log-load-balancers", bootstrapServers).start();
        otlpEndpoint.filter(e -> !e.isBlank()).ifPresent(endpoint -> {
            OtlpPush push = new OtlpPush(endpoint, service, export);
            service.addListener(push);
            LOG.infof("finished journeys are sent as OTLP traces to %s", push.tracesUri());
        });
    }

    @Override
    public Optional<String> privateIp(String publicIp) {
        try {
            tail.awaitCaughtUp(WORLD_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return loadBalancers.values().stream().flatMap(lb -> lb.nodes() == null ? Stream.<LoadBalancer.AlbNode>empty() : lb.nodes().stream())
                .filter(n -> publicIp != null && publicIp.equals(n.publicIp())).map(LoadBalancer.AlbNode::privateIp)
                .filter(ip -> ip != null).findFirst();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (tail != null) {
            tail.close();
        }
    }
}

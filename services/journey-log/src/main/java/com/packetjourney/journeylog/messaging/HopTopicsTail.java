package com.packetjourney.journeylog.messaging;

import com.packetjourney.contracts.Topics;
import com.packetjourney.journeylog.service.JourneyLogService;
import com.packetjourney.kafka.TopicTail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * Feeds the journey log from every hop topic, read from the beginning with no consumer group: any instance, fresh
 * or restarted, rebuilds the same journeys, and none disturbs another.
 */
@ApplicationScoped
public class HopTopicsTail {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "pj.journey.stall-timeout", defaultValue = "30s")
    Duration stallTimeout;

    private TopicTail tail;

    @Produces
    @Singleton
    JourneyLogService journeyLogService(MeterRegistry registry) {
        JourneyLogService service = new JourneyLogService(Clock.systemUTC(), stallTimeout);
        registry.gauge("pj.journeylog.unreadable.records", service, JourneyLogService::unreadableRecords);
        registry.gauge("pj.journeylog.journeys", service, JourneyLogService::journeyCount);
        return service;
    }

    void onStart(@Observes StartupEvent event, JourneyLogService service) {
        tail = new TopicTail("journey-log", bootstrapServers, Topics.hopTopics(), service::onHopRecord).start();
    }

    /** Blocks until the hop topics have been read up to where they stood at start. */
    public void awaitCaughtUp() {
        try {
            if (!tail.awaitCaughtUp(Duration.ofSeconds(60))) {
                throw new IllegalStateException("hop topics not read within 60 s");
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
    }
}

package com.packetjourney.hop;

import com.packetjourney.kafka.KeyedWriter;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/**
 * The beans every service shares, so that services and adapters take them through their constructors: the wall
 * clock (hops stamp their events with it; decisions use simulated time) and the service's writer of world records.
 */
@Singleton
public class ServiceBeans {
    @Produces
    @Singleton
    Clock wallClock() {
        return Clock.systemUTC();
    }

    /** One idempotent writer per service, named after it; created when first needed. */
    @Produces
    @Singleton
    KeyedWriter worldWriter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "quarkus.application.name") String service) {
        return new KeyedWriter(bootstrapServers, service + "-world");
    }

    void close(@Disposes KeyedWriter writer) {
        writer.close();
    }
}

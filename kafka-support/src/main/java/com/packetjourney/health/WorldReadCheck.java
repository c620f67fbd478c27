package com.packetjourney.health;

import com.packetjourney.kafka.WorldReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Every service's readiness (/q/health/ready) includes "world read": up once the service has read its world
 * topics (and any topic it rebuilds state from) to their end at start, so a service that is ready answers for the
 * whole world, not a half-read one. Down, with each reader's state as data, until then. Picked up by every service
 * from this library (META-INF/beans.xml); the Kafka channels' own checks stay beside it.
 */
@Readiness
@ApplicationScoped
public class WorldReadCheck implements HealthCheck {
    static final String NAME = "world read";

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(WorldReadiness.ready());
        WorldReadiness.readers().forEach(response::withData);
        return response.build();
    }
}

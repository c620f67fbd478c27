package com.packetjourney.albcontroller.domain;

import com.packetjourney.contracts.k8s.AlbConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckAnnotationsTest {

    @Test
    void withoutAnnotationsTheControllersDefaultsApply() {
        List<String> errors = new ArrayList<>();
        assertThat(HealthCheckAnnotations.parse(Map.of(), errors))
                .isEqualTo(new AlbConfig.HealthCheck("/", 15, 5, 2, 2, "200"));
        assertThat(errors).isEmpty();
    }

    @Test
    void theAnnotationsSetEachField() {
        List<String> errors = new ArrayList<>();
        AlbConfig.HealthCheck check = HealthCheckAnnotations.parse(Map.of(
                HealthCheckAnnotations.PATH, "/healthz", HealthCheckAnnotations.INTERVAL, "10",
                HealthCheckAnnotations.TIMEOUT, "3", HealthCheckAnnotations.HEALTHY_THRESHOLD, "3",
                HealthCheckAnnotations.UNHEALTHY_THRESHOLD, "4", HealthCheckAnnotations.SUCCESS_CODES, "200,300-399"),
                errors);
        assertThat(check).isEqualTo(new AlbConfig.HealthCheck("/healthz", 10, 3, 3, 4, "200,300-399"));
        assertThat(errors).isEmpty();
    }

    @Test
    void valuesElbWouldRejectAreReported() {
        List<String> errors = new ArrayList<>();
        HealthCheckAnnotations.parse(Map.of(HealthCheckAnnotations.INTERVAL, "4", HealthCheckAnnotations.TIMEOUT,
                "10", HealthCheckAnnotations.HEALTHY_THRESHOLD, "eleven", HealthCheckAnnotations.UNHEALTHY_THRESHOLD,
                "11", HealthCheckAnnotations.SUCCESS_CODES, "ok", HealthCheckAnnotations.PATH, "healthz"), errors);
        assertThat(errors).containsExactlyInAnyOrder(
                "healthcheck-path healthz must start with /",
                "healthcheck-interval-seconds 4 is outside 5-300",
                "healthcheck-timeout-seconds 10 must be below healthcheck-interval-seconds 4",
                "healthy-threshold-count eleven is not a number",
                "unhealthy-threshold-count 11 is outside 2-10",
                "success-codes ok is not a list of HTTP codes or ranges, e.g. 200,300-399");
    }
}

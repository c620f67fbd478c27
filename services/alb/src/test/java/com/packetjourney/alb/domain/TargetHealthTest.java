package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.AlbConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The controller's defaults (interval 15 s, timeout 5 s, healthy 2, unhealthy 2) on ELB's health check rules. */
class TargetHealthTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final AlbConfig.HealthCheck DEFAULTS = AlbConfig.HealthCheck.CONTROLLER_DEFAULTS;
    private static final TargetHealth.Target NGINX = at -> TargetHealth.Answer.status(200, 400);

    @Test
    void aNewTargetIsInitialUntilItPassesTwoChecksFifteenSecondsApart() {
        assertThat(DEFAULTS).isEqualTo(new AlbConfig.HealthCheck("/", 15, 5, 2, 2, "200"));
        TargetHealth health = new TargetHealth(DEFAULTS, T0);
        health.advanceTo(T0.plusSeconds(1), NGINX);
        assertThat(health.state()).isEqualTo(TargetHealth.INITIAL);
        assertThat(health.reason()).isEqualTo("Elb.InitialHealthChecking");
        assertThat(health.recentChecks()).hasSize(1);
        health.advanceTo(T0.plusSeconds(15), NGINX);
        assertThat(health.state()).as("the second check has not come back yet").isEqualTo(TargetHealth.INITIAL);
        health.advanceTo(T0.plusSeconds(15).plusMillis(1), NGINX);
        assertThat(health.state()).isEqualTo(TargetHealth.HEALTHY);
        assertThat(health.reason()).isNull();
    }

    @Test
    void aTargetThatStopsAnsweringIsUnhealthyAfterTwoTimeoutsAndHealthyAgainAfterTwoPasses() {
        TargetHealth health = new TargetHealth(DEFAULTS, T0);
        Instant outage = T0.plusSeconds(60);
        Instant back = T0.plusSeconds(120);
        TargetHealth.Target flaky = at -> !at.isBefore(outage) && at.isBefore(back)
                ? TargetHealth.Answer.none() : TargetHealth.Answer.status(200, 400);
        health.advanceTo(outage.plusSeconds(5), flaky);
        assertThat(health.state()).as("one timeout").isEqualTo(TargetHealth.HEALTHY);
        health.advanceTo(outage.plusSeconds(20), flaky);
        assertThat(health.state()).isEqualTo(TargetHealth.UNHEALTHY);
        assertThat(health.reason()).isEqualTo("Target.Timeout");
        health.advanceTo(back.plusSeconds(1), flaky);
        assertThat(health.state()).isEqualTo(TargetHealth.UNHEALTHY);
        health.advanceTo(back.plusSeconds(16), flaky);
        assertThat(health.state()).isEqualTo(TargetHealth.HEALTHY);
    }

    @Test
    void aWrongStatusOrAResetFailsTheCheckWithElbsReason() {
        TargetHealth notFound = new TargetHealth(DEFAULTS, T0);
        notFound.advanceTo(T0.plusSeconds(16), at -> TargetHealth.Answer.status(404, 400));
        assertThat(notFound.state()).isEqualTo(TargetHealth.UNHEALTHY);
        assertThat(notFound.reason()).isEqualTo("Target.ResponseCodeMismatch");
        TargetHealth reset = new TargetHealth(DEFAULTS, T0);
        reset.advanceTo(T0.plusSeconds(16), at -> TargetHealth.Answer.refused(300));
        assertThat(reset.reason()).isEqualTo("Target.FailedHealthChecks");
        // success-codes 200-399 accepts a redirect
        TargetHealth redirects = new TargetHealth(new AlbConfig.HealthCheck("/", 15, 5, 2, 2, "200-399"), T0);
        redirects.advanceTo(T0.plusSeconds(16), at -> TargetHealth.Answer.status(301, 400));
        assertThat(redirects.state()).isEqualTo(TargetHealth.HEALTHY);
    }

    @Test
    void annotationsChangeTheTimesAndThresholds() {
        // interval 5 s, healthy threshold 3: healthy once the check at 10 s is back
        TargetHealth health = new TargetHealth(new AlbConfig.HealthCheck("/healthz", 5, 2, 3, 2, "200"), T0);
        health.advanceTo(T0.plusSeconds(10), NGINX);
        assertThat(health.state()).isEqualTo(TargetHealth.INITIAL);
        health.advanceTo(T0.plusSeconds(11), NGINX);
        assertThat(health.state()).isEqualTo(TargetHealth.HEALTHY);
    }

    @Test
    void requestsGoToHealthyTargetsAndFailOpenWhenAllAreUnhealthy() {
        Map<String, String> mixed = Map.of("a", TargetHealth.HEALTHY, "b", TargetHealth.UNHEALTHY,
                "c", TargetHealth.INITIAL);
        assertThat(TargetHealth.routable(List.of("a", "b", "c"), mixed::get)).containsExactly("a");
        Map<String, String> sick = Map.of("a", TargetHealth.UNHEALTHY, "b", TargetHealth.UNHEALTHY,
                "c", TargetHealth.INITIAL);
        assertThat(TargetHealth.routable(List.of("a", "b", "c"), sick::get)).containsExactly("a", "b");
        Map<String, String> starting = Map.of("c", TargetHealth.INITIAL);
        assertThat(TargetHealth.routable(List.of("c"), starting::get)).as("503").isEmpty();
    }
}

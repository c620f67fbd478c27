package com.packetjourney.alb.messaging;

import com.packetjourney.alb.service.AlbService;
import com.packetjourney.alb.service.AlbService.TargetHealth;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.metrics.StateGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The load balancer's own metrics (its hop's are {@link com.packetjourney.metrics.HopMetrics}): per target group with registered targets,
 * the requests outstanding on its targets ({@code pj_alb_outstanding_requests}), its healthy targets
 * ({@code pj_alb_healthy_targets}) and all its registered targets ({@code pj_alb_registered_targets}), each
 * labelled {@code load_balancer} and {@code target_group}.
 */
@ApplicationScoped
public class AlbMetrics {
    private final MeterRegistry registry;
    private StateGauges gauges;

    AlbMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event, AlbService service) {
        gauges = new StateGauges(registry, HopType.ALB_FORWARDED.service())
                .gauge("pj.alb.outstanding.requests", "Requests forwarded to a target whose response has not come back",
                        () -> perTargetGroup(service, TargetHealth::outstandingRequests))
                .gauge("pj.alb.healthy.targets", "Registered targets that pass their health checks",
                        () -> perTargetGroup(service, t -> TargetRegistration.HEALTHY.equals(t.state()) ? 1 : 0))
                .gauge("pj.alb.registered.targets", "Targets registered in the target group, in any state",
                        () -> perTargetGroup(service, t -> 1))
                .start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (gauges != null) {
            gauges.close();
        }
    }

    private static Map<Tags, Integer> perTargetGroup(AlbService service, ToIntFunction<TargetHealth> value) {
        Map<Tags, Integer> sums = new HashMap<>();
        for (String lb : service.loadBalancerNames()) {
            for (TargetHealth t : service.targetHealth(lb).orElse(List.of())) {
                sums.merge(Tags.of("load_balancer", lb, "target_group", t.targetGroup()), value.applyAsInt(t),
                        Integer::sum);
            }
        }
        return sums;
    }
}

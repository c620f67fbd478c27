package com.packetjourney.alb.messaging;

import com.packetjourney.alb.service.AlbService;
import com.packetjourney.alb.service.AlbService.TargetHealth;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.hop.ServiceGauges;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import io.micrometer.core.instrument.Tags;

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
@Startup
@Singleton
public class AlbMetrics {
    AlbMetrics(ServiceGauges gauges, AlbService service) {
        gauges.gauge("pj.alb.outstanding.requests", "Requests forwarded to a target whose response has not come back",
                () -> perTargetGroup(service, TargetHealth::outstandingRequests))
                .gauge("pj.alb.healthy.targets", "Registered targets that pass their health checks",
                        () -> perTargetGroup(service, t -> TargetRegistration.HEALTHY.equals(t.state()) ? 1 : 0))
                .gauge("pj.alb.registered.targets", "Targets registered in the target group, in any state",
                        () -> perTargetGroup(service, t -> 1));
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

package com.packetjourney.albcontroller.domain;

import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.TargetRegistration;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TargetReconcilerTest {
    private static final String TG = "k8s-default-nginx-0123456789";
    private final Service nginx = new Service("default", "nginx", Map.of("app", "nginx"), 80, 8080);
    private final AlbConfig config = new AlbConfig("alb", "default/nginx", List.of(),
            List.of(new AlbConfig.TargetGroup(TG, "HTTP", 8080, "ip", "round_robin", "default/nginx", 300)));

    private static Pod pod(String ns, String name, Map<String, String> labels, String phase, String ip, boolean ready) {
        return new Pod(ns, name, "nginx", labels, "node-1", phase, ip, ready, 8080, 1, null);
    }

    private Map<String, TargetRegistration> desired(Pod... pods) {
        return TargetReconciler.desired(List.of(config), Map.of("default/nginx", nginx)::get, List.of(pods));
    }

    @Test
    void onlyRunningReadyPodsWithAnIpThatTheServiceSelectsAreTargets() {
        Map<String, TargetRegistration> desired = desired(
                pod("default", "nginx-a", Map.of("app", "nginx", "tier", "web"), "Running", "10.0.1.20", true),
                pod("default", "nginx-b", Map.of("app", "nginx"), "Running", "10.0.33.5", false),
                pod("default", "nginx-c", Map.of("app", "nginx"), "Pending", null, false),
                pod("default", "nginx-d", Map.of("app", "nginx"), "Running", "", true),
                pod("other", "nginx-e", Map.of("app", "nginx"), "Running", "10.0.1.30", true),
                pod("default", "redis-f", Map.of("app", "redis"), "Running", "10.0.1.40", true));

        assertThat(desired).containsOnlyKeys(TG + "|10.0.1.20:8080");
        TargetRegistration target = desired.get(TG + "|10.0.1.20:8080");
        assertThat(target.pod()).isEqualTo("nginx-a");
        assertThat(target.port()).as("the Service's targetPort").isEqualTo(8080);
        assertThat(target.state()).isEqualTo(TargetRegistration.HEALTHY);
        assertThat(target.eventId()).as("deterministic").isEqualTo(desired(
                pod("default", "nginx-a", Map.of("app", "nginx"), "Running", "10.0.1.20", true))
                .get(TG + "|10.0.1.20:8080").eventId());
    }

    @Test
    void theDiffRegistersNewTargetsAndDeregistersGoneOnesWhichThenDrain() {
        Map<String, TargetRegistration> registered = desired(
                pod("default", "nginx-a", Map.of("app", "nginx"), "Running", "10.0.1.20", true),
                pod("default", "nginx-b", Map.of("app", "nginx"), "Running", "10.0.1.21", true));
        Map<String, TargetRegistration> desired = desired(
                pod("default", "nginx-a", Map.of("app", "nginx"), "Running", "10.0.1.20", true),
                pod("default", "nginx-c", Map.of("app", "nginx"), "Running", "10.0.1.22", true));

        TargetReconciler.Diff diff = TargetReconciler.diff(desired, registered, Set.of(TG));

        assertThat(diff.register()).extracting(TargetRegistration::ip).containsExactly("10.0.1.22");
        assertThat(diff.deregister()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo(TG + "|10.0.1.21:8080");
            assertThat(d.pod()).isEqualTo("nginx-b");
            assertThat(d.state()).isEqualTo(TargetRegistration.DRAINING);
            assertThat(d.eventId()).isNotEqualTo(registered.get(d.key()).eventId());
        });
        assertThat(diff.forget()).isEmpty();
        assertThat(TargetReconciler.diff(desired, desired, Set.of(TG)).isEmpty()).isTrue();

        // once draining, the target is left as it is: the load balancer ends the draining
        Map<String, TargetRegistration> afterwards = new HashMap<>(desired);
        afterwards.put(diff.deregister().get(0).key(), diff.deregister().get(0));
        assertThat(TargetReconciler.diff(desired, afterwards, Set.of(TG)).isEmpty()).isTrue();
    }

    @Test
    void targetsOfATargetGroupThatIsGoneAreForgotten() {
        Map<String, TargetRegistration> registered = desired(
                pod("default", "nginx-a", Map.of("app", "nginx"), "Running", "10.0.1.20", true));
        TargetReconciler.Diff diff = TargetReconciler.diff(Map.of(), registered, Set.of());
        assertThat(diff.forget()).containsExactly(TG + "|10.0.1.20:8080");
        assertThat(diff.deregister()).isEmpty();
    }

    @Test
    void aNewPodOnAReusedIpIsRegisteredAgain() {
        Map<String, TargetRegistration> registered = desired(
                pod("default", "nginx-old", Map.of("app", "nginx"), "Running", "10.0.1.20", true));
        Map<String, TargetRegistration> desired = desired(
                pod("default", "nginx-new", Map.of("app", "nginx"), "Running", "10.0.1.20", true));

        TargetReconciler.Diff diff = TargetReconciler.diff(desired, registered, Set.of(TG));

        assertThat(diff.register()).extracting(TargetRegistration::pod).containsExactly("nginx-new");
        assertThat(diff.deregister()).isEmpty();
    }
}

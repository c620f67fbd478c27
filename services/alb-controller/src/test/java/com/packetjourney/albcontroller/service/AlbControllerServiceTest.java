package com.packetjourney.albcontroller.service;

import com.packetjourney.albcontroller.domain.IngressTranslator;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.LoadBalancer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlbControllerServiceTest {
    private final Map<String, AlbConfig> configWrites = new LinkedHashMap<>();
    private final Map<String, TargetRegistration> targetWrites = new LinkedHashMap<>();
    private int writes;
    private final AlbControllerService service = new AlbControllerService(
            (k, v) -> { configWrites.put(k, v); writes++; },
            (k, v) -> { targetWrites.put(k, v); writes++; });

    private static Ingress ingress(String lb) {
        return new Ingress("default", "nginx", "alb", Map.of(
                IngressTranslator.LOAD_BALANCER_NAME, lb,
                IngressTranslator.TARGET_TYPE, "ip"),
                List.of(new Ingress.Rule("packet-journey.com", List.of(new Ingress.Path("/", "Prefix", "nginx", 80)))));
    }

    private static WatchEvent<Pod> running(String name, String ip) {
        return new WatchEvent<>(WatchEvent.MODIFIED, new Pod("default", name, "nginx", Map.of("app", "nginx"),
                "node-1", "Running", ip, true, 80, 7, null));
    }

    private void world(AlbControllerService s) {
        s.onLoadBalancer("alb-1", new LoadBalancer("alb-1", "alb-1.elb.amazonaws.com", "internet-facing", 16509,
                List.of(), List.of()));
        s.onService("default/nginx", new Service("default", "nginx", Map.of("app", "nginx"), 80, 80));
        s.onIngress("default/nginx", ingress("alb-1"));
        s.onPod("default/nginx-a", running("nginx-a", "10.0.1.20"));
        s.onPod("default/nginx-b", running("nginx-b", "10.0.33.5"));
    }

    @Test
    void nothingIsWrittenUntilTheWorldIsReadThenTheConfigAndTargetsAre() {
        world(service);
        assertThat(writes).isZero();

        service.startReconciling();

        assertThat(configWrites).containsOnlyKeys("alb-1");
        assertThat(targetWrites.values()).extracting(TargetRegistration::ip).containsExactly("10.0.1.20", "10.0.33.5");
        assertThat(service.ingressStatuses()).singleElement()
                .extracting(AlbControllerService.IngressStatus::status).isEqualTo(AlbControllerService.RECONCILED);
        assertThat(service.targetGroups()).singleElement().satisfies(g -> assertThat(g.targets()).hasSize(2));
    }

    @Test
    void afterARestartOnlyTheDifferenceIsWritten() {
        world(service);
        service.startReconciling();
        Map<String, AlbConfig> writtenConfigs = new HashMap<>(configWrites);
        Map<String, TargetRegistration> writtenTargets = new HashMap<>(targetWrites);

        int[] restartedWrites = {0};
        AlbControllerService restarted = new AlbControllerService((k, v) -> restartedWrites[0]++,
                (k, v) -> restartedWrites[0]++);
        writtenConfigs.forEach(restarted::onConfigWritten);
        writtenTargets.forEach(restarted::onTargetWritten);
        world(restarted);
        restarted.startReconciling();
        assertThat(restartedWrites[0]).isZero();

        restarted.onPod("default/nginx-b", null);
        assertThat(restartedWrites[0]).as("one deregistration").isEqualTo(1);
    }

    @Test
    void aDeletedPodIsDeregisteredAndItsTargetDrainsUntilTheIngressIsGone() {
        world(service);
        service.startReconciling();
        targetWrites.clear();

        service.onPod("default/nginx-a", new WatchEvent<>(WatchEvent.DELETED, running("nginx-a", "10.0.1.20").object()));

        assertThat(targetWrites).hasSize(1);
        Map.Entry<String, TargetRegistration> write = targetWrites.entrySet().iterator().next();
        assertThat(write.getKey()).endsWith("|10.0.1.20:80");
        assertThat(write.getValue().state()).isEqualTo(TargetRegistration.DRAINING);
        assertThat(write.getValue().pod()).isEqualTo("nginx-a");
        assertThat(service.targetGroups()).singleElement().satisfies(g -> {
            assertThat(g.deregistrationDelaySeconds()).isEqualTo(300);
            assertThat(g.targets()).extracting(TargetRegistration::state)
                    .containsExactly(TargetRegistration.DRAINING, TargetRegistration.HEALTHY);
        });

        targetWrites.clear();
        service.onPod("default/nginx-a", null);
        assertThat(targetWrites).as("already draining").isEmpty();
        service.onIngress("default/nginx", null);
        assertThat(targetWrites.values()).hasSize(2).containsOnlyNulls();
    }

    @Test
    void anIngressNamingAnUnknownLoadBalancerFailsWithTheReason() {
        world(service);
        service.onIngress("default/nginx", ingress("nope"));
        service.startReconciling();

        assertThat(configWrites).isEmpty();
        assertThat(service.ingressStatuses()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(AlbControllerService.FAILED);
            assertThat(s.errors()).containsExactly("no load balancer named nope exists");
        });
    }
}

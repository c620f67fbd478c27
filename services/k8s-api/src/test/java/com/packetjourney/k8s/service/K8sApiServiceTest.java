package com.packetjourney.k8s.service;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.kafka.WorldChanges;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class K8sApiServiceTest {
    private static final Simulation SIMULATION = new Simulation("eks-nginx", 20230904L,
            Instant.parse("2026-01-01T09:00:00Z"));
    private final Node node = new Node("ip-10-0-1-17", "m5.large", "eu-west-1a", "10.0.0.0/19", "10.0.1.17");
    private final Deployment nginx = new Deployment("default", "nginx", 2, Map.of("app", "nginx"), "nginx:1.27", 80);
    private final Service svc = new Service("default", "nginx", Map.of("app", "nginx"), 80, 80);

    private record Write(String topic, String key, Object value) {
    }

    private final List<Write> log = new ArrayList<>();
    /** The world changes of the API, not read back: the cluster changes only through its world records. */
    private final List<Write> changes = new ArrayList<>();

    private <T> WorldChanges.Applied<T> change(String topic, String key, T value) {
        changes.add(new Write(topic, key, value));
        return new WorldChanges.Applied<>(value, topic, false);
    }

    private K8sApiService service() {
        K8sApiService service = new K8sApiService((t, k, v) -> log.add(new Write(t, k, v)), this::change);
        service.onManifest(node.key(), node);
        service.onManifest(nginx.key(), nginx);
        service.onManifest(svc.key(), svc);
        return service;
    }

    @Test
    void nothingIsWrittenBeforeTheLogsAreReadBackAndTheSeedIsKnown() {
        K8sApiService service = service();
        service.startReconciling();
        assertThat(log).isEmpty();
        service.onSimulation(SIMULATION);
        assertThat(log).extracting(Write::topic)
                .containsExactly(Topics.K8S_PODS, Topics.K8S_PODS, Topics.K8S_NODES, Topics.K8S_SERVICES);
        assertThat(log.get(3).key()).isEqualTo("default/nginx");

        log.clear();
        service.onManifest(svc.key(), svc);
        assertThat(log).isEmpty();
        service.onManifest(svc.key(), null);
        assertThat(log).containsExactly(new Write(Topics.K8S_SERVICES, "default/nginx", null));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aRestartedControlPlaneKeepsItsPodsAndMirrors() {
        K8sApiService first = service();
        first.onSimulation(SIMULATION);
        first.startReconciling();
        List<Write> published = List.copyOf(log);

        log.clear();
        K8sApiService restarted = service();
        restarted.onSimulation(SIMULATION);
        for (Write w : published) {
            if (w.topic().equals(Topics.K8S_PODS)) {
                restarted.onPodEvent(w.key(), (WatchEvent<Pod>) w.value());
            } else {
                restarted.onPublished(w.topic(), w.key(), w.value());
            }
        }
        restarted.startReconciling();
        assertThat(log).isEmpty();
        assertThat(restarted.pods()).extracting(Pod::name).containsExactlyElementsOf(first.pods().stream()
                .map(Pod::name).toList());
    }

    @Test
    void scalingGivesTheDeploymentToWriteOnlyWhenItExistsAndChangesNothingYet() {
        K8sApiService service = service();
        Deployment scaled = new Deployment("default", "nginx", 5, Map.of("app", "nginx"), "nginx:1.27", 80);
        assertThat(service.scale("default", "nginx", 5).value()).isEqualTo(scaled);
        assertThat(changes).containsExactly(new Write(Topics.WORLD_K8S_MANIFESTS, "Deployment/default/nginx", scaled));
        assertThat(log).isEmpty();
        assertThatThrownBy(() -> service.scale("default", "nope", 1)).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.kind()).isEqualTo(Refused.Kind.UNKNOWN));
        assertThat(service.pods()).isEmpty();
    }

    @Test
    void settingAnImageGivesTheDeploymentAndDeletingAPodWritesItsEndAndItsReplacement() {
        K8sApiService service = service();
        service.onSimulation(SIMULATION);
        service.startReconciling();
        assertThat(service.setImage("default", "nginx", "nginx:1.28").value()).isEqualTo(
                new Deployment("default", "nginx", 2, Map.of("app", "nginx"), "nginx:1.28", 80));
        assertThatThrownBy(() -> service.setImage("default", "nope", "nginx:1.28")).isInstanceOf(Refused.class);

        Pod victim = service.pods().get(0);
        log.clear();
        assertThat(service.deletePod("default", victim.name()).phase()).isEqualTo("Terminating");
        assertThat(log).extracting(Write::topic).containsOnly(Topics.K8S_PODS);
        assertThat(log).extracting(Write::key).containsExactly(victim.key(), victim.key(), victim.key(),
                log.get(3).key());
        assertThat(log.get(3).key()).isNotEqualTo(victim.key());
        assertThat(service.pods()).hasSize(2).extracting(Pod::name).doesNotContain(victim.name());
        assertThatThrownBy(() -> service.deletePod("default", "nope")).isInstanceOf(Refused.class);
        assertThat(service.deploymentStatus("default", "nginx").updatedReplicas()).isEqualTo(2);
    }
}

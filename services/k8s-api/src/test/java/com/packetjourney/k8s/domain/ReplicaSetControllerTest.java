package com.packetjourney.k8s.domain;

import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.Pod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaSetControllerTest {
    private static final long SEED = 20230904L;
    private final Deployment nginx = new Deployment("default", "nginx", 3, Map.of("app", "nginx"), "nginx:1.27", 80);

    @Test
    void podNamesLookLikeKubernetesOnesAndOnlyDependOnTheWorld() {
        ReplicaSetController controller = new ReplicaSetController(SEED);
        List<String> names = controller.newPodNames(controller.replicaSetName(nginx), 3, Set.of());
        assertThat(names).hasSize(3).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("nginx-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}"));
        ReplicaSetController again = new ReplicaSetController(SEED);
        assertThat(again.newPodNames(again.replicaSetName(nginx), 3, Set.of())).isEqualTo(names);
        assertThat(new ReplicaSetController(SEED + 1).replicaSetName(nginx))
                .isNotEqualTo(controller.replicaSetName(nginx));
    }

    @Test
    void scalingKeepsTheTemplateHashButANewImageChangesIt() {
        ReplicaSetController controller = new ReplicaSetController(SEED);
        Deployment scaled = new Deployment("default", "nginx", 5, Map.of("app", "nginx"), "nginx:1.27", 80);
        Deployment upgraded = new Deployment("default", "nginx", 3, Map.of("app", "nginx"), "nginx:1.28", 80);
        assertThat(controller.templateHash(scaled)).isEqualTo(controller.templateHash(nginx)).hasSize(10);
        assertThat(controller.templateHash(upgraded)).isNotEqualTo(controller.templateHash(nginx));
    }

    @Test
    void aDeletedPodsNameIsNeverGivenAgain() {
        ReplicaSetController controller = new ReplicaSetController(SEED);
        String rs = controller.replicaSetName(nginx);
        List<String> first = controller.newPodNames(rs, 3, Set.of());
        // the third pod was deleted; its name is still known from the pod log
        ReplicaSetController restarted = new ReplicaSetController(SEED);
        List<String> next = restarted.newPodNames(rs, 1, Set.copyOf(first));
        assertThat(next).containsExactly(controller.podName(rs, 3));
        assertThat(restarted.creationIndex(first.get(2))).isEqualTo(2);
        assertThat(restarted.creationIndex("nginx-zzzzzzzzzz-zzzzz")).isEqualTo(-1);
    }

    @Test
    void scaleDownRemovesTheNewestRunningPodsFirstButUnscheduledOnesBeforeAll() {
        ReplicaSetController controller = new ReplicaSetController(SEED);
        String rs = controller.replicaSetName(nginx);
        List<String> names = controller.newPodNames(rs, 4, Set.of());
        Pod p0 = running(names.get(0));
        Pod p1 = running(names.get(1));
        Pod p2 = running(names.get(2));
        Pod unscheduled = new Pod("default", names.get(3), "ReplicaSet/" + rs, Map.of(), null, "Pending", null, false,
                80, 4, "0/2 nodes are available: 2 Too many pods.");
        assertThat(controller.podsToDelete(List.of(p0, p1, p2), 1)).containsExactly(p2, p1);
        assertThat(controller.podsToDelete(List.of(p0, unscheduled, p1, p2), 2)).containsExactly(unscheduled, p2);
        assertThat(controller.podsToDelete(List.of(p0, p1), 3)).isEmpty();
    }

    private static Pod running(String name) {
        return new Pod("default", name, "o", Map.of(), "node", "Running", "10.0.1.18", true, 80, 1, null);
    }
}

package com.packetjourney.k8s.domain;

import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerTest {
    private static final String OWNER = "ReplicaSet/nginx-abc";
    private final Node a1 = new Node("node-a1", "m5.large", "eu-west-1a", "10.0.0.0/19", "10.0.1.17");
    private final Node a2 = new Node("node-a2", "m5.large", "eu-west-1a", "10.0.0.0/19", "10.0.1.18");
    private final Node b1 = new Node("node-b1", "m5.large", "eu-west-1b", "10.0.32.0/19", "10.0.33.42");

    private static Pod bound(String name, String owner, String node) {
        return new Pod("default", name, owner, Map.of(), node, "Running", null, true, 80, 1, null);
    }

    @Test
    void theLeastLoadedNodeWins() {
        List<Pod> pods = List.of(bound("p1", "other", "node-a1"));
        assertThat(Scheduler.schedule(OWNER, List.of(a1, b1), pods).node()).contains("node-b1");
    }

    @Test
    void onATieTheZoneWithFewerPodsOfTheOwnerWinsThenTheName() {
        // a2 and b1 run one pod each; the owner already has a pod in eu-west-1a, so eu-west-1b is preferred
        List<Pod> pods = List.of(bound("p1", OWNER, "node-a1"), bound("p2", "other", "node-a2"),
                bound("p3", "other", "node-b1"), bound("p4", "other", "node-a1"));
        assertThat(Scheduler.schedule(OWNER, List.of(a1, a2, b1), pods).node()).contains("node-b1");
        assertThat(Scheduler.schedule(OWNER, List.of(a2, a1), List.of()).node()).contains("node-a1");
    }

    @Test
    void threeReplicasOnTwoNodesSpreadTwoAndOne() {
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String node = Scheduler.schedule(OWNER, List.of(a1, b1), pods).node().orElseThrow();
            pods.add(bound("p" + i, OWNER, node));
        }
        assertThat(pods).extracting(Pod::node).containsExactly("node-a1", "node-b1", "node-a1");
    }

    @Test
    void aFullClusterLeavesThePodPendingWithKubeSchedulersMessage() {
        Node tiny = new Node("tiny", "t3.nano", "eu-west-1a", "10.0.0.0/19", "10.0.1.20");
        List<Pod> pods = List.of(bound("p1", OWNER, "tiny"), bound("p2", OWNER, "tiny"), bound("p3", OWNER, "tiny"),
                bound("p4", OWNER, "tiny"));
        Scheduler.Decision decision = Scheduler.schedule(OWNER, List.of(tiny), pods);
        assertThat(decision.node()).isEmpty();
        assertThat(decision.message()).isEqualTo("0/1 nodes are available: 1 Too many pods.");
    }

    @Test
    void aNodeOfAnUnknownInstanceTypeIsNeverChosen() {
        Node odd = new Node("odd", "x9.huge", "eu-west-1a", "10.0.0.0/19", "10.0.1.21");
        Scheduler.Decision decision = Scheduler.schedule(OWNER, List.of(odd), List.of());
        assertThat(decision.node()).isEmpty();
        assertThat(decision.message()).isEqualTo("0/1 nodes are available: 1 node(s) of an unknown instance type.");
        Node tiny = new Node("tiny", "t3.nano", "eu-west-1a", "10.0.0.0/19", "10.0.1.20");
        assertThat(Scheduler.schedule(OWNER, List.of(odd, tiny), List.of()).node()).contains("tiny");
    }

    @Test
    void maxPodsAreTheKubeletsOnEks() {
        // eni-max-pods.txt: t3.nano 4, m5.large 29
        assertThat(Scheduler.maxPods(new Node("n", "t3.nano", "z", "10.0.0.0/19", "10.0.1.20"))).isEqualTo(4);
        assertThat(Scheduler.maxPods(new Node("n", "m5.large", "z", "10.0.0.0/19", "10.0.1.20"))).isEqualTo(29);
        assertThat(Scheduler.maxPods(new Node("n", "x9.huge", "z", "10.0.0.0/19", "10.0.1.20"))).isZero();
    }
}

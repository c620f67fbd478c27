package com.packetjourney.k8s.domain;

import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.WatchEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterStateTest {
    private final Node a = new Node("ip-10-0-1-17", "m5.large", "eu-west-1a", "10.0.0.0/19", "10.0.1.17");
    private final Node b = new Node("ip-10-0-33-42", "m5.large", "eu-west-1b", "10.0.32.0/19", "10.0.33.42");

    private static Deployment nginx(int replicas) {
        return new Deployment("default", "nginx", replicas, Map.of("app", "nginx"), "nginx:1.27", 80);
    }

    private ClusterState cluster(int replicas) {
        ClusterState cluster = new ClusterState();
        cluster.setSeed(20230904L);
        cluster.putNode(a);
        cluster.putNode(b);
        cluster.putDeployment(nginx(replicas));
        return cluster;
    }

    @Test
    void replicasAreAddedPendingOnANodeWithoutAnIp() {
        List<ClusterState.PodChange> changes = cluster(3).reconcile();
        assertThat(changes).hasSize(3).allSatisfy(c -> {
            assertThat(c.event().type()).isEqualTo(WatchEvent.ADDED);
            Pod pod = c.event().object();
            assertThat(c.key()).isEqualTo(pod.key());
            assertThat(pod.phase()).isEqualTo("Pending");
            assertThat(pod.podIp()).isNull();
            assertThat(pod.ready()).isFalse();
            assertThat(pod.labels()).containsEntry("app", "nginx");
            assertThat(pod.containerPort()).isEqualTo(80);
            assertThat(pod.owner()).startsWith("ReplicaSet/nginx-");
        });
        assertThat(changes).extracting(c -> c.event().object().node())
                .containsExactly(a.name(), b.name(), a.name());
        assertThat(changes).extracting(c -> c.event().object().resourceVersion()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aPodWithItsNetworkBecomesRunningAndReady() {
        ClusterState cluster = cluster(1);
        Pod pod = cluster.reconcile().get(0).event().object();
        cluster.putNetwork(pod.key(), new PodNetwork("default", pod.name(), pod.node(), "10.0.1.18", "eni-1", 0,
                "cni-x", "eni0123456789a", "eth0", "10.0.1.18 dev eni0123456789a scope link", "e1", null, null));
        List<ClusterState.PodChange> changes = cluster.reconcile();
        assertThat(changes).hasSize(1);
        Pod running = changes.get(0).event().object();
        assertThat(changes.get(0).event().type()).isEqualTo(WatchEvent.MODIFIED);
        assertThat(running.phase()).isEqualTo("Running");
        assertThat(running.ready()).isTrue();
        assertThat(running.podIp()).isEqualTo("10.0.1.18");
        assertThat(running.resourceVersion()).isGreaterThan(pod.resourceVersion());
        assertThat(cluster.reconcile()).isEmpty();
    }

    @Test
    void scaleDownTerminatesDeletesAndTombstonesTheNewestPods() {
        ClusterState cluster = cluster(3);
        List<Pod> created = cluster.reconcile().stream().map(c -> c.event().object()).toList();
        cluster.putDeployment(nginx(1));
        List<ClusterState.PodChange> changes = cluster.reconcile();
        assertThat(changes).extracting(c -> c.event() == null ? "tombstone" : c.event().type())
                .containsExactly("MODIFIED", "DELETED", "tombstone", "MODIFIED", "DELETED", "tombstone");
        assertThat(changes).extracting(ClusterState.PodChange::key)
                .containsExactly(created.get(2).key(), created.get(2).key(), created.get(2).key(),
                        created.get(1).key(), created.get(1).key(), created.get(1).key());
        Pod terminating = changes.get(0).event().object();
        assertThat(terminating.phase()).isEqualTo("Terminating");
        assertThat(terminating.ready()).isFalse();
        assertThat(cluster.pods()).extracting(Pod::key).containsExactly(created.get(0).key());
    }

    @Test
    void aRestartedControlPlaneKeepsItsPodsAndNeverReusesADeletedName() {
        ClusterState first = cluster(3);
        List<ClusterState.PodChange> log = new java.util.ArrayList<>(first.reconcile());
        first.putDeployment(nginx(2));
        log.addAll(first.reconcile());

        ClusterState restarted = cluster(2);
        log.forEach(c -> restarted.restorePod(c.key(), c.event()));
        assertThat(restarted.reconcile()).isEmpty();
        restarted.putDeployment(nginx(3));
        List<ClusterState.PodChange> scaledUp = restarted.reconcile();
        assertThat(scaledUp).hasSize(1);
        assertThat(log).extracting(ClusterState.PodChange::key).doesNotContain(scaledUp.get(0).key());
        assertThat(scaledUp.get(0).event().object().resourceVersion())
                .isGreaterThan(log.stream().filter(c -> c.event() != null)
                        .mapToLong(c -> c.event().object().resourceVersion()).max().orElseThrow());
    }

    @Test
    void aPodThatFitsNowhereStaysPendingUntilANodeJoins() {
        ClusterState cluster = new ClusterState();
        Node tiny = new Node("tiny", "t3.nano", "eu-west-1a", "10.0.0.0/19", "10.0.1.20");
        cluster.putNode(tiny);
        cluster.putDeployment(nginx(5));
        List<ClusterState.PodChange> changes = cluster.reconcile();
        assertThat(changes).hasSize(5);
        Pod last = changes.get(4).event().object();
        assertThat(last.node()).isNull();
        assertThat(last.message()).isEqualTo("0/1 nodes are available: 1 Too many pods.");

        cluster.putNode(a);
        List<ClusterState.PodChange> scheduled = cluster.reconcile();
        assertThat(scheduled).hasSize(1);
        assertThat(scheduled.get(0).event().type()).isEqualTo(WatchEvent.MODIFIED);
        assertThat(scheduled.get(0).event().object().node()).isEqualTo(a.name());
        assertThat(scheduled.get(0).event().object().message()).isNull();
    }

    @Test
    void podsOfARemovedNodeAreDeletedAndReplacedElsewhere() {
        ClusterState cluster = cluster(2);
        cluster.reconcile();
        cluster.removeNode(b.name());
        List<ClusterState.PodChange> changes = cluster.reconcile();
        assertThat(changes).extracting(c -> c.event() == null ? "tombstone" : c.event().type())
                .containsExactly("MODIFIED", "DELETED", "tombstone", "ADDED");
        assertThat(changes.get(3).event().object().node()).isEqualTo(a.name());
        assertThat(cluster.pods()).hasSize(2).allSatisfy(p -> assertThat(p.node()).isEqualTo(a.name()));
    }

    /** What node-cni does: an address for every scheduled pod that has none yet. */
    private static void giveNetworks(ClusterState cluster, int[] nextIp) {
        for (Pod pod : cluster.pods()) {
            if (pod.node() != null && "Pending".equals(pod.phase()) && pod.message() == null) {
                cluster.putNetwork(pod.key(), network(pod, "10.0.1." + nextIp[0]++));
            }
        }
    }

    private static PodNetwork network(Pod pod, String ip) {
        return new PodNetwork(pod.namespace(), pod.name(), pod.node(), ip, "eni-1", 0, "cni-x", "eni0", "eth0",
                ip + " dev eni0 scope link", "e-" + pod.name(), null, null);
    }

    @Test
    void aPodTheCniCouldNotSetUpStaysPendingWithTheCnisErrorUntilItGetsAnAddress() {
        ClusterState cluster = cluster(1);
        Pod pod = cluster.reconcile().get(0).event().object();
        String failure = "plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: "
                + "failed to assign an IP address to container";
        cluster.putNetwork(pod.key(), new PodNetwork("default", pod.name(), pod.node(), null, null, 0, null, null,
                null, null, "f1", null, failure));
        List<ClusterState.PodChange> changes = cluster.reconcile();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.event().type()).isEqualTo(WatchEvent.MODIFIED);
            assertThat(c.event().object().phase()).isEqualTo("Pending");
            assertThat(c.event().object().message()).isEqualTo("Failed to create pod sandbox: " + failure);
        });
        assertThat(cluster.reconcile()).as("reported once").isEmpty();

        cluster.putNetwork(pod.key(), network(pod, "10.0.1.40"));
        Pod running = cluster.reconcile().get(0).event().object();
        assertThat(running.phase()).isEqualTo("Running");
        assertThat(running.message()).isNull();
    }

    @Test
    void aDeletedPodTerminatesAndItsReplicaSetReplacesIt() {
        ClusterState cluster = cluster(2);
        List<Pod> created = cluster.reconcile().stream().map(c -> c.event().object()).toList();
        assertThat(cluster.markForDeletion("default", "nope")).isEmpty();
        Pod terminating = cluster.markForDeletion("default", created.get(0).name()).orElseThrow();
        assertThat(terminating.phase()).isEqualTo("Terminating");

        List<ClusterState.PodChange> changes = cluster.reconcile();
        assertThat(changes).extracting(c -> c.event() == null ? "tombstone" : c.event().type())
                .containsExactly("MODIFIED", "DELETED", "tombstone", "ADDED");
        assertThat(changes.get(0).event().object().phase()).isEqualTo("Terminating");
        Pod replacement = changes.get(3).event().object();
        assertThat(replacement.name()).isNotIn(created.get(0).name(), created.get(1).name());
        assertThat(replacement.owner()).isEqualTo(created.get(0).owner());
        assertThat(cluster.pods()).extracting(Pod::name).containsExactlyInAnyOrder(created.get(1).name(),
                replacement.name());
    }

    @Test
    void aNewImageRollsOutWithinMaxSurgeAndMaxUnavailable() {
        ClusterState cluster = cluster(3);
        int[] ip = {20};
        cluster.reconcile();
        giveNetworks(cluster, ip);
        cluster.reconcile();
        String oldOwner = cluster.pods().get(0).owner();
        assertThat(cluster.deploymentStatus("default", "nginx").orElseThrow().rolledOut()).isTrue();

        cluster.putDeployment(new Deployment("default", "nginx", 3, Map.of("app", "nginx"), "nginx:1.28", 80));
        List<ClusterState.PodChange> first = cluster.reconcile();
        // 3 replicas: maxSurge 1, maxUnavailable 0 -> one new pod, no old pod goes before it is available
        assertThat(first).extracting(c -> c.event().type()).containsExactly(WatchEvent.ADDED);
        String newOwner = first.get(0).event().object().owner();
        assertThat(newOwner).isNotEqualTo(oldOwner);
        DeploymentStatus rolling = cluster.deploymentStatus("default", "nginx").orElseThrow();
        assertThat(rolling.updatedReplicas()).isEqualTo(1);
        assertThat(rolling.availableReplicas()).isEqualTo(3);
        assertThat(rolling.replicaSets()).hasSize(2);
        assertThat(rolling.rolledOut()).isFalse();

        for (int step = 0; step < 10; step++) {
            giveNetworks(cluster, ip);
            cluster.reconcile();
            List<Pod> pods = cluster.pods();
            assertThat(pods.size()).as("at most replicas + maxSurge").isLessThanOrEqualTo(4);
            assertThat(pods.stream().filter(p -> "Running".equals(p.phase()) && p.ready()).count())
                    .as("at least replicas - maxUnavailable available").isGreaterThanOrEqualTo(3);
        }
        assertThat(cluster.pods()).hasSize(3).allSatisfy(p -> {
            assertThat(p.owner()).isEqualTo(newOwner);
            assertThat(p.phase()).isEqualTo("Running");
        });
        DeploymentStatus done = cluster.deploymentStatus("default", "nginx").orElseThrow();
        assertThat(done.image()).isEqualTo("nginx:1.28");
        assertThat(done.updatedReplicas()).isEqualTo(3);
        assertThat(done.replicaSets()).singleElement().extracting(DeploymentStatus.ReplicaSetStatus::pods)
                .isEqualTo(3);
        assertThat(done.rolledOut()).isTrue();
    }

    @Test
    void withTheControllersReadinessGateARollingUpdateWaitsForTheNewTargetsToBeHealthy() {
        // elbv2.k8s.aws/pod-readiness-gate-inject: a new pod is ready only once its target passed its health checks
        ClusterState cluster = cluster(3);
        cluster.injectReadinessGates("default");
        int[] ip = {20};
        cluster.reconcile();
        giveNetworks(cluster, ip);
        cluster.reconcile();
        assertThat(cluster.pods()).allSatisfy(p -> {
            assertThat(p.phase()).isEqualTo("Running");
            assertThat(p.ready()).isFalse();
            assertThat(p.message()).startsWith("ReadinessGatesNotReady");
        });
        cluster.pods().forEach(p -> cluster.setTargetHealth(p.key(), true));
        cluster.reconcile();
        assertThat(cluster.pods()).allSatisfy(p -> assertThat(p.ready()).isTrue());
        String oldOwner = cluster.pods().get(0).owner();

        cluster.putDeployment(new Deployment("default", "nginx", 3, Map.of("app", "nginx"), "nginx:1.28", 80));
        cluster.reconcile();
        giveNetworks(cluster, ip);
        for (int i = 0; i < 5; i++) {
            cluster.reconcile();
        }
        // the new pod runs but its target is still in its initial health checks: no old pod may go (maxUnavailable 0)
        assertThat(cluster.pods()).hasSize(4);
        Pod fresh = cluster.pods().stream().filter(p -> !p.owner().equals(oldOwner)).findFirst().orElseThrow();
        assertThat(fresh.phase()).isEqualTo("Running");
        assertThat(fresh.ready()).isFalse();
        assertThat(cluster.pods().stream().filter(p -> p.owner().equals(oldOwner))).hasSize(3);

        cluster.setTargetHealth(fresh.key(), true);
        cluster.reconcile();
        // the pod turned ready at the end of that pass; the Deployment controller acts on it in the next
        cluster.reconcile();
        assertThat(cluster.pods().stream().filter(p -> p.owner().equals(oldOwner))).as("one old pod goes")
                .hasSize(2);
    }

    @Test
    void aReadyPodWhoseTargetTurnsUnhealthyIsNoLongerReady() {
        ClusterState cluster = cluster(1);
        cluster.injectReadinessGates("default");
        cluster.reconcile();
        giveNetworks(cluster, new int[]{20});
        cluster.reconcile();
        Pod pod = cluster.pods().get(0);
        cluster.setTargetHealth(pod.key(), true);
        assertThat(cluster.reconcile()).singleElement().satisfies(c -> assertThat(c.event().object().ready()).isTrue());
        cluster.setTargetHealth(pod.key(), false);
        assertThat(cluster.reconcile()).singleElement().satisfies(c -> assertThat(c.event().object().ready()).isFalse());
    }

    @Test
    void unavailableOldPodsGoBeforeAvailableOnes() {
        ClusterState cluster = cluster(4);
        cluster.reconcile();
        List<Pod> old = cluster.pods();
        cluster.putNetwork(old.get(0).key(), network(old.get(0), "10.0.1.20"));
        cluster.putNetwork(old.get(1).key(), network(old.get(1), "10.0.1.21"));
        cluster.reconcile();

        cluster.putDeployment(new Deployment("default", "nginx", 4, Map.of("app", "nginx"), "nginx:1.28", 80));
        List<ClusterState.PodChange> changes = cluster.reconcile();
        // 4 replicas: maxSurge 1, maxUnavailable 1. One new pod; with 5 pods of which 3 must stay available and the
        // new one not yet, one old pod may go: an unavailable one. Then the surge allows one more new pod.
        List<String> deleted = changes.stream().filter(c -> c.event() != null
                && WatchEvent.DELETED.equals(c.event().type())).map(c -> c.event().object().name()).toList();
        assertThat(deleted).hasSize(1).isSubsetOf(old.get(2).name(), old.get(3).name());
        assertThat(changes.stream().filter(c -> c.event() != null && WatchEvent.ADDED.equals(c.event().type())))
                .hasSize(2);
        assertThat(cluster.pods()).hasSize(5).extracting(Pod::name).contains(old.get(0).name(), old.get(1).name());
    }
}

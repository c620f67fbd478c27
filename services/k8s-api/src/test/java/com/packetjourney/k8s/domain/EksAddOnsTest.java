package com.packetjourney.k8s.domain;

import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.InstanceLimits;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** EKS's default add-ons against eni-max-pods.txt's formula: the "+2" are host-network pods, CoreDNS takes addresses. */
class EksAddOnsTest {
    private final Node a = new Node("ip-10-0-1-17", "m5.large", "eu-west-1a", "10.0.0.0/19", "10.0.1.17");
    private final Node b = new Node("ip-10-0-33-42", "m5.large", "eu-west-1b", "10.0.32.0/19", "10.0.33.42");

    private static ClusterState eks(Node... nodes) {
        ClusterState cluster = new ClusterState();
        cluster.setSeed(20230904L);
        cluster.installEksAddOns("eu-west-1");
        for (Node n : nodes) {
            cluster.putNode(n);
        }
        return cluster;
    }

    private static Deployment nginx(int replicas) {
        return new Deployment("default", "nginx", replicas, Map.of("app", "nginx"), "nginx:1.27", 80);
    }

    private static List<Pod> on(ClusterState cluster, Node node) {
        return cluster.pods().stream().filter(p -> node.name().equals(p.node())).toList();
    }

    @Test
    void everyNodeRunsAwsNodeAndKubeProxyOnItsOwnAddress() {
        ClusterState cluster = eks(a, b);
        cluster.reconcile();
        for (Node node : List.of(a, b)) {
            List<Pod> hostPods = on(cluster, node).stream().filter(Pod::hostNetwork).toList();
            assertThat(hostPods).extracting(Pod::owner)
                    .containsExactlyInAnyOrder("DaemonSet/aws-node", "DaemonSet/kube-proxy");
            assertThat(hostPods).allSatisfy(p -> {
                assertThat(p.namespace()).isEqualTo("kube-system");
                assertThat(p.podIp()).isEqualTo(node.internalIp());
                assertThat(p.phase()).isEqualTo("Running");
                assertThat(p.ready()).isTrue();
            });
        }
        assertThat(cluster.pods()).extracting(Pod::name).doesNotHaveDuplicates();
    }

    @Test
    void coreDnsRunsTwoReplicasInThePodNetworkOneInEachZone() {
        ClusterState cluster = eks(a, b);
        cluster.reconcile();
        List<Pod> coreDns = cluster.pods().stream().filter(p -> p.name().startsWith("coredns-")).toList();
        assertThat(coreDns).hasSize(2).allSatisfy(p -> {
            assertThat(p.hostNetwork()).isFalse();
            assertThat(p.podIp()).as("waits for the CNI").isNull();
            assertThat(p.labels()).containsEntry("k8s-app", "kube-dns");
        });
        assertThat(coreDns).extracting(Pod::node).containsExactlyInAnyOrder(a.name(), b.name());
    }

    @Test
    void onAFullNodeTheNextPodIsPendingWithTooManyPodsAndEveryAdmittedPodHasAnAddress() {
        // m5.large: max pods 3 x (10 - 1) + 2 = 29; aws-node, kube-proxy and two CoreDNS leave 25 for nginx
        ClusterState cluster = eks(a);
        cluster.reconcile();
        cluster.putDeployment(nginx(26));
        cluster.reconcile();
        InstanceLimits m5 = InstanceLimits.of("m5.large").orElseThrow();
        assertThat(on(cluster, a)).hasSize(m5.maxPods());
        assertThat(on(cluster, a).stream().filter(p -> !p.hostNetwork())).as("pods the CNI must address")
                .hasSize(m5.podAddresses());
        List<Pod> unscheduled = cluster.pods().stream().filter(p -> p.node() == null).toList();
        assertThat(unscheduled).singleElement().satisfies(p -> {
            assertThat(p.owner()).startsWith("ReplicaSet/nginx-");
            assertThat(p.phase()).isEqualTo("Pending");
            assertThat(p.message()).isEqualTo("0/1 nodes are available: 1 Too many pods.");
        });
    }

    @Test
    void withoutTheHostNetworkPodsTheSchedulerWouldAdmitMorePodsThanTheEnisHaveAddresses() {
        ClusterState cluster = new ClusterState();
        cluster.setSeed(20230904L);
        cluster.putNode(a);
        cluster.putDeployment(nginx(40));
        cluster.reconcile();
        assertThat(on(cluster, a)).hasSize(29);
        assertThat(on(cluster, a).size()).isGreaterThan(InstanceLimits.of("m5.large").orElseThrow().podAddresses());
    }

    @Test
    void aRemovedNodeTakesItsDaemonSetPodsAndANewNodeGetsItsOwn() {
        ClusterState cluster = eks(a, b);
        cluster.reconcile();
        List<String> onB = on(cluster, b).stream().filter(Pod::hostNetwork).map(Pod::name).toList();
        cluster.removeNode(b.name());
        cluster.reconcile();
        assertThat(cluster.pods()).extracting(Pod::name).doesNotContainAnyElementsOf(onB);
        cluster.putNode(b);
        cluster.reconcile();
        List<String> again = on(cluster, b).stream().filter(Pod::hostNetwork).map(Pod::name).toList();
        assertThat(again).hasSize(2).doesNotContainAnyElementsOf(onB);
    }

    @Test
    void theDaemonSetPodsStayAcrossReconciles() {
        ClusterState cluster = eks(a);
        cluster.reconcile();
        assertThat(cluster.reconcile()).isEmpty();
    }
}

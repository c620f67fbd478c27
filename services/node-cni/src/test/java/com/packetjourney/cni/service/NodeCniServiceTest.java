package com.packetjourney.cni.service;

import com.packetjourney.cni.domain.DataPath;
import com.packetjourney.cni.domain.Eni;
import com.packetjourney.cni.domain.Ipamd;
import com.packetjourney.cni.domain.TargetExchange;
import com.packetjourney.cni.domain.WarmPoolPolicy;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.k8s.Cluster;
import com.packetjourney.contracts.k8s.EniAttachment;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.PodSlowness;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.contracts.Refused;
import com.packetjourney.kafka.WorldChanges;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeCniServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final Simulation SIMULATION = new Simulation("eks-nginx", 20230904L, T0);
    private final Node node = new Node("ip-10-0-1-17", "m5.large", "eu-west-1a", "10.0.0.0/19", "10.0.1.17");

    private record Write(String topic, String key, Object value) {
    }

    private final List<Write> log = new ArrayList<>();

    private NodeCniService service() {
        return new NodeCniService(Clock.fixed(T0, ZoneOffset.UTC), (t, k, v) -> log.add(new Write(t, k, v)),
                this::change, WarmPoolPolicy.DEFAULT);
    }

    /** A world change of the API, logged like the service's own writes and not read back yet. */
    private <T> WorldChanges.Applied<T> change(String topic, String key, T value) {
        log.add(new Write(topic, key, value));
        return new WorldChanges.Applied<>(value, topic, false);
    }

    private static WatchEvent<Pod> added(String name) {
        return new WatchEvent<>(WatchEvent.ADDED, new Pod("default", name, "ReplicaSet/nginx-abc", Map.of(),
                "ip-10-0-1-17", "Pending", null, false, 80, 1, null));
    }

    private static WatchEvent<Pod> running(String name, String ip) {
        return new WatchEvent<>(WatchEvent.MODIFIED, new Pod("default", name, "ReplicaSet/nginx-abc", Map.of(),
                "ip-10-0-1-17", "Running", ip, true, 80, 2, null));
    }

    private List<Write> writesTo(String topic) {
        return log.stream().filter(w -> w.topic().equals(topic)).toList();
    }

    private NodeCniService started() {
        NodeCniService service = service();
        service.cni().onSimulation(SIMULATION);
        service.manifests().accept("Cluster/c", new Cluster("c", "eu-west-1", "vpc-1", "10.0.0.0/16"));
        service.cni().onNode(node.name(), node);
        service.cni().startReconciling();
        return service;
    }

    private static HopEvent toPod(String journey, String ip) {
        AlbForwarded alb = new AlbForwarded("lb", "54.217.10.21", "eu-west-1a", List.of(), "HTTPS:443", null, null,
                "tg", "least_outstanding_requests", new AlbForwarded.Target(ip, 80, "p", "r"), List.of());
        JourneyContext context = JourneyContext.request("https://x/", "https", "x", 443, "/", "laptop", "aa")
                .withTarget(ip, 80, "eu-west-1a");
        return HopEvent.first(journey, T0, 10, T0, Outcome.ok(), context, alb);
    }

    @Test
    void nothingIsHandedOutBeforeTheLogsAreReadBackAndTheSeedIsKnown() {
        NodeCniService service = service();
        service.cni().onNode(node.name(), node);
        service.cni().onPodEvent("default/a", added("a"));
        service.cni().startReconciling();
        assertThat(log).isEmpty();
        service.cni().onSimulation(SIMULATION);
        assertThat(writesTo(Topics.CNI_POD_NETWORKS)).singleElement().satisfies(w -> {
            assertThat(w.topic()).isEqualTo(Topics.CNI_POD_NETWORKS);
            assertThat(((PodNetwork) w.value()).podIp()).isEqualTo("10.0.1.18");
        });
    }

    @Test
    void aRestartedCniKeepsEveryPodsAddressAndReleasesDeletedOnes() {
        NodeCniService first = service();
        first.cni().onSimulation(SIMULATION);
        first.cni().onNode(node.name(), node);
        first.cni().startReconciling();
        for (int i = 0; i < 10; i++) {
            first.cni().onPodEvent("default/p" + i, added("p" + i));
        }
        List<Write> published = writesTo(Topics.CNI_POD_NETWORKS);
        List<Write> enis = writesTo(Topics.CNI_ENIS);
        assertThat(published).hasSize(10);
        assertThat(((PodNetwork) published.get(9).value()).eniIndex()).isEqualTo(1);

        log.clear();
        NodeCniService restarted = service();
        restarted.cni().onSimulation(SIMULATION);
        restarted.cni().onNode(node.name(), node);
        published.forEach(w -> restarted.cni().onPodNetwork(w.key(), (PodNetwork) w.value()));
        enis.forEach(w -> restarted.cni().onEniAttachment(w.key(), (EniAttachment) w.value()));
        for (int i = 0; i < 10; i++) {
            restarted.cni().onPodEvent("default/p" + i, added("p" + i));
        }
        restarted.cni().startReconciling();
        assertThat(log).isEmpty();

        restarted.cni().onPodEvent("default/p10", added("p10"));
        restarted.cni().onPodEvent("default/p0", null);
        assertThat(log).extracting(Write::key).containsExactly("default/p10", "default/p0");
        assertThat(log).extracting(Write::topic).containsOnly(Topics.CNI_POD_NETWORKS);
        assertThat(published).extracting(w -> ((PodNetwork) w.value()).podIp())
                .doesNotContain(((PodNetwork) log.get(0).value()).podIp());
        assertThat(log.get(1).value()).isNull();
        assertThat(restarted.cni().node(node.name()).orElseThrow().enis().get(0).free()).containsExactly("10.0.1.18");
    }

    @Test
    void anUnknownAddressIsNotFound() {
        NodeCniService service = service();
        AlbForwarded alb = new AlbForwarded("lb", "10.0.0.10", "eu-west-1a", List.of(), "HTTPS:443", null, null,
                "tg", "round_robin", new AlbForwarded.Target("10.0.9.9", 80, "x", "r"), List.of());
        JourneyContext context = JourneyContext.request("https://x/", "https", "x", 443, "/", "laptop", "aa");
        HopEvent out = service.handle(HopEvent.first("j2", T0, 10, T0, Outcome.ok(),
                context.withTarget("10.0.9.9", 80, "eu-west-1a"), alb));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.POD_NOT_FOUND);
        assertThat(out.outcome().message()).contains("504 Gateway Timeout");
        assertThat(out.simLatencyMicros()).as("the ALB's connection timeout").isEqualTo(10_000_000L);
        assertThat(out.wallTime()).isEqualTo(T0);
    }

    @Test
    void aPodOnASecondaryEniLinksToThePublishedAttachmentAndItsHopNamesIt() {
        NodeCniService service = started();
        for (int i = 0; i < 10; i++) {
            service.cni().onPodEvent("default/p" + i, added("p" + i));
        }
        List<EniAttachment> attachments = writesTo(Topics.CNI_ENIS).stream().map(w -> (EniAttachment) w.value())
                .toList();
        // WARM_ENI_TARGET=1: the first pod leaves 8 of eth0's 9 addresses free, the tenth 8 of eth1's
        assertThat(attachments).extracting(EniAttachment::deviceIndex).containsExactly(1, 2);
        EniAttachment eth1 = attachments.get(0);
        assertThat(eth1.node()).isEqualTo(node.name());
        assertThat(eth1.eni()).isEqualTo(Eni.idFor(SIMULATION.seed(), node.name(), 1));
        assertThat(eth1.subnetCidr()).isEqualTo("10.0.0.0/19");
        assertThat(eth1.reason()).isEqualTo("WARM_ENI_TARGET=1 keeps 9 addresses free; 8 were");
        PodNetwork tenth = writesTo(Topics.CNI_POD_NETWORKS).stream().map(w -> (PodNetwork) w.value())
                .filter(n -> n.pod().equals("p9")).findFirst().orElseThrow();
        assertThat(tenth.eniIndex()).isEqualTo(1);
        assertThat(eth1.secondaryIps()).contains(tenth.podIp());
        assertThat(tenth.eniAttachment()).isEqualTo(eth1.eventId());

        service.cni().onPodEvent("default/p9", running("p9", tenth.podIp()));
        PodResponded answer = (PodResponded) service.handle(toPod("j1", tenth.podIp())).payload();
        assertThat(answer.assignedBy()).isEqualTo(tenth.eventId());
        assertThat(answer.eniAttachedBy()).isEqualTo(eth1.eventId());
        assertThat(service.cni().node(node.name()).orElseThrow().enis().get(1).attachmentEventId())
                .isEqualTo(eth1.eventId());
    }

    @Test
    void podsBeyondTheNodesAddressesGetTheCnisFailureUntilOneIsReleased() {
        NodeCniService service = started();
        // m5.large: 3 ENIs of 9 pod addresses each
        for (int i = 0; i < 29; i++) {
            service.cni().onPodEvent("default/p" + i, added("p" + i));
        }
        List<PodNetwork> failures = writesTo(Topics.CNI_POD_NETWORKS).stream().map(w -> (PodNetwork) w.value())
                .filter(n -> n.failure() != null).toList();
        assertThat(failures).extracting(PodNetwork::pod).containsExactly("p27", "p28");
        assertThat(failures.get(0).failure()).endsWith(Ipamd.NO_IP_ERROR);
        assertThat(failures.get(0).podIp()).isNull();
        assertThat(service.cni().node(node.name()).orElseThrow().enis()).hasSize(3);
        assertThat(service.cni().node(node.name()).orElseThrow().podsWithoutAddress())
                .containsExactly("default/p27", "default/p28");

        log.clear();
        service.cni().onPodEvent("default/p28", null);
        service.cni().onPodEvent("default/p0", null);
        // p28's failure goes with it; p0's address goes to p27, which then has a network
        assertThat(log).extracting(Write::key).containsExactly("default/p28", "default/p0", "default/p27");
        assertThat(log.get(0).value()).isNull();
        assertThat(((PodNetwork) log.get(2).value()).podIp()).isNotNull();
        assertThat(((PodNetwork) log.get(2).value()).failure()).isNull();
        assertThat(service.cni().node(node.name()).orElseThrow().podsWithoutAddress()).isEmpty();
    }

    @Test
    void hostNetworkPodsTakeNoAddressSoTheEnisHoldOneForEveryOtherPodTheNodeAdmits() {
        NodeCniService service = started();
        // m5.large admits 29 pods (eni-max-pods.txt): aws-node and kube-proxy on the host network, 27 with addresses
        for (String ds : List.of("aws-node", "kube-proxy")) {
            service.cni().onPodEvent("kube-system/" + ds + "-x", new WatchEvent<>(WatchEvent.ADDED, new Pod("kube-system",
                    ds + "-x", "DaemonSet/" + ds, Map.of(), node.name(), "Running", node.internalIp(), true, 0, 1, null,
                    true)));
        }
        for (int i = 0; i < 27; i++) {
            service.cni().onPodEvent("default/p" + i, added("p" + i));
        }
        List<PodNetwork> networks = writesTo(Topics.CNI_POD_NETWORKS).stream().map(w -> (PodNetwork) w.value())
                .toList();
        assertThat(networks).hasSize(27).allSatisfy(n -> assertThat(n.failure()).isNull());
        assertThat(networks).extracting(PodNetwork::namespace).containsOnly("default");
        assertThat(service.cni().node(node.name()).orElseThrow().podsWithoutAddress()).isEmpty();
    }

    @Test
    void aSlowPodAnswersLaterOnceItsOrderIsReadBack() {
        NodeCniService service = started();
        service.cni().onPodEvent("default/a", added("a"));
        String ip = ((PodNetwork) writesTo(Topics.CNI_POD_NETWORKS).get(0).value()).podIp();
        service.cni().onPodEvent("default/a", running("a", ip));
        long normal = service.handle(toPod("j1", ip)).simLatencyMicros();

        assertThatThrownBy(() -> service.slowDown("default", "nope", 5)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> service.slowDown("default", "a", -1)).isInstanceOf(Refused.class);
        PodSlowness order = service.slowDown("default", "a", 2_000_000).value();
        assertThat(writesTo(Topics.WORLD_POD_SLOWNESS)).containsExactly(
                new Write(Topics.WORLD_POD_SLOWNESS, "default/a", new PodSlowness("default", "a", 2_000_000)));
        assertThat(service.handle(toPod("j2", ip)).simLatencyMicros()).as("not read back yet").isEqualTo(normal);

        service.onPodSlowness(order.key(), order);
        assertThat(service.slowness("default", "a")).isEqualTo(order);
        HopEvent slow = service.handle(toPod("j3", ip));
        assertThat(slow.simLatencyMicros()).isEqualTo(normal + 2_000_000);
        assertThat(((PodResponded) slow.payload()).steps())
                .contains("nginx took 2000000 µs longer than usual to answer (the pod was made slow)");
        assertThat(normal).isEqualTo(DataPath.SAME_ZONE_MICROS + DataPath.VETH_MICROS
                + DataPath.SERVER_HANDLING_MICROS);

        service.onPodSlowness(order.key(), new PodSlowness("default", "a", 0));
        assertThat(service.handle(toPod("j4", ip)).simLatencyMicros()).isEqualTo(normal);
    }

    @Test
    void aPodSlowerThanTheIdleTimeoutGets504WhenTheTimeoutExpires() {
        NodeCniService service = started();
        service.cni().onPodEvent("default/a", added("a"));
        String ip = ((PodNetwork) writesTo(Topics.CNI_POD_NETWORKS).get(0).value()).podIp();
        service.cni().onPodEvent("default/a", running("a", ip));
        service.onPodSlowness("default/a", new PodSlowness("default", "a", 61_000_000));

        HopEvent out = service.handle(toPod("j1", ip));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.POD_TIMED_OUT);
        assertThat(out.simLatencyMicros()).isEqualTo(TargetExchange.DEFAULT_IDLE_TIMEOUT_MICROS);
        assertThat(out.outcome().message()).contains("idle timeout of 60 s").contains("504");
        assertThat(((PodResponded) out.payload()).status()).isNull();
    }
}

package com.packetjourney.cni.service;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeCniServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final Simulation SIMULATION = new Simulation("eks-nginx", 20230904L, T0);
    private final Node node = new Node("ip-10-0-1-17", "m5.large", "eu-west-1a", "10.0.0.0/19", "10.0.1.17");

    private record Write(String topic, String key, Object value) {
    }

    private final List<Write> log = new ArrayList<>();

    private NodeCniService service() {
        return new NodeCniService(Clock.fixed(T0, ZoneOffset.UTC), (t, k, v) -> log.add(new Write(t, k, v)));
    }

    private static WatchEvent<Pod> added(String name) {
        return new WatchEvent<>(WatchEvent.ADDED, new Pod("default", name, "ReplicaSet/nginx-abc", Map.of(),
                "ip-10-0-1-17", "Pending", null, false, 80, 1, null));
    }

    @Test
    void nothingIsHandedOutBeforeTheLogsAreReadBackAndTheSeedIsKnown() {
        NodeCniService service = service();
        service.onNode(node.name(), node);
        service.onPodEvent("default/a", added("a"));
        service.startReconciling();
        assertThat(log).isEmpty();
        service.onSimulation(SIMULATION);
        assertThat(log).singleElement().satisfies(w -> {
            assertThat(w.topic()).isEqualTo(Topics.CNI_POD_NETWORKS);
            assertThat(((PodNetwork) w.value()).podIp()).isEqualTo("10.0.1.18");
        });
    }

    @Test
    void aRestartedCniKeepsEveryPodsAddressAndReleasesDeletedOnes() {
        NodeCniService first = service();
        first.onSimulation(SIMULATION);
        first.onNode(node.name(), node);
        first.startReconciling();
        for (int i = 0; i < 10; i++) {
            first.onPodEvent("default/p" + i, added("p" + i));
        }
        List<Write> published = List.copyOf(log);
        assertThat(published).hasSize(10);
        assertThat(((PodNetwork) published.get(9).value()).eniIndex()).isEqualTo(1);

        log.clear();
        NodeCniService restarted = service();
        restarted.onSimulation(SIMULATION);
        restarted.onNode(node.name(), node);
        published.forEach(w -> restarted.onPodNetwork(w.key(), (PodNetwork) w.value()));
        for (int i = 0; i < 10; i++) {
            restarted.onPodEvent("default/p" + i, added("p" + i));
        }
        restarted.startReconciling();
        assertThat(log).isEmpty();

        restarted.onPodEvent("default/p10", added("p10"));
        restarted.onPodEvent("default/p0", null);
        assertThat(log).extracting(Write::key).containsExactly("default/p10", "default/p0");
        assertThat(published).extracting(w -> ((PodNetwork) w.value()).podIp())
                .doesNotContain(((PodNetwork) log.get(0).value()).podIp());
        assertThat(log.get(1).value()).isNull();
        assertThat(restarted.node(node.name()).orElseThrow().enis().get(0).free()).containsExactly("10.0.1.18");
    }

    @Test
    void aJourneyThatFailedUpstreamIsSkippedAndAnUnknownAddressIsNotFound() {
        NodeCniService service = service();
        AlbForwarded alb = new AlbForwarded("lb", "10.0.0.10", "eu-west-1a", List.of(), "HTTPS:443", null, null,
                "tg", "round_robin", new AlbForwarded.Target("10.0.9.9", 80, "x", "r"), List.of());
        JourneyContext context = JourneyContext.request("https://x/", "https", "x", 443, "/", "laptop", "aa");
        HopEvent failed = HopEvent.first("j1", T0, 10, T0, Outcome.failed(FailureCode.ALB_NO_HEALTHY_TARGET, "503"),
                context, alb);
        assertThat(service.handle(failed)).isNull();
        HopEvent out = service.handle(HopEvent.first("j2", T0, 10, T0, Outcome.ok(), context, alb));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.POD_NOT_FOUND);
        assertThat(out.wallTime()).isEqualTo(T0);
    }
}

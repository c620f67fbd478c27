package com.packetjourney.k8s.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.k8s.domain.ReplicaSetController;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The control plane through a real broker: manifests in, pod watch events out, scaled through the REST API. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ControlPlaneIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NAME_CHARS = "[bcdfghjklmnpqrstvwxz2456789]";
    private static final long SEED = 20230904L;

    @Test
    void aDeploymentGetsScheduledPodsThatRunOnceTheCniGivesThemAnIpAndScaleDownDeletesTheNewest() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ns = "ns-" + suffix;
        Node nodeA = new Node("node-a-" + suffix, "m5.large", "eu-west-1a", "10.0.0.0/19", "10.0.1.17");
        Node nodeB = new Node("node-b-" + suffix, "m5.large", "eu-west-1b", "10.0.32.0/19", "10.0.33.42");
        Deployment web = new Deployment(ns, "web", 3, Map.of("app", "web"), "nginx:1.27", 80);
        TopicProbe.send(Topics.WORLD_SIMULATION, Simulation.KEY,
                Json.write(new Simulation("it", SEED, Instant.parse("2026-01-01T09:00:00Z"))));
        TopicProbe.send(Topics.WORLD_K8S_MANIFESTS, nodeA.key(), Json.write(nodeA));
        TopicProbe.send(Topics.WORLD_K8S_MANIFESTS, nodeB.key(), Json.write(nodeB));
        TopicProbe.send(Topics.WORLD_K8S_MANIFESTS, web.key(), Json.write(web));

        List<WatchEvent<Pod>> added = events(ns, WatchEvent.ADDED, 3);
        assertThat(added).hasSize(3).allSatisfy(e -> {
            Pod pod = e.object();
            assertThat(pod.name()).matches("web-" + NAME_CHARS + "{10}-" + NAME_CHARS + "{5}");
            assertThat(pod.namespace()).isEqualTo(ns);
            assertThat(pod.phase()).isEqualTo("Pending");
            assertThat(pod.node()).isIn(nodeA.name(), nodeB.name());
            assertThat(pod.podIp()).isNull();
            assertThat(pod.ready()).isFalse();
            assertThat(pod.containerPort()).isEqualTo(80);
            assertThat(pod.labels()).isEqualTo(Map.of("app", "web"));
        });
        assertThat(added).extracting(e -> e.object().node()).contains(nodeA.name(), nodeB.name());
        ReplicaSetController names = new ReplicaSetController(SEED);
        assertThat(added).extracting(e -> e.object().name())
                .containsExactlyElementsOf(names.newPodNames(names.replicaSetName(web), 3, Set.of()));
        assertThat(TopicProbe.awaitRecord(Topics.K8S_NODES, nodeA.name(), WAIT)).get()
                .satisfies(r -> assertThat(Json.read(r.value(), Node.class)).isEqualTo(nodeA));

        Pod first = added.get(0).object();
        PodNetwork network = new PodNetwork(ns, first.name(), first.node(), "10.0.1.18", "eni-0123456789abcdef0", 0,
                "cni-" + suffix, "eni0123456789a", "eth0", "10.0.1.18 dev eni0123456789a scope link", "ev-" + suffix,
                null, null);
        TopicProbe.send(Topics.CNI_POD_NETWORKS, network.key(), Json.write(network));
        Pod running = events(ns, WatchEvent.MODIFIED, 1).get(0).object();
        assertThat(running.name()).isEqualTo(first.name());
        assertThat(running.phase()).isEqualTo("Running");
        assertThat(running.ready()).isTrue();
        assertThat(running.podIp()).isEqualTo("10.0.1.18");
        assertThat(running.node()).isEqualTo(first.node());
        assertThat(running.resourceVersion()).isGreaterThan(added.get(2).object().resourceVersion());

        given().contentType("application/json").body("{\"replicas\": 1}")
                .put("/apis/apps/v1/namespaces/" + ns + "/deployments/web/scale")
                .then().statusCode(200).body("replicas", equalTo(1));
        List<WatchEvent<Pod>> deleted = events(ns, WatchEvent.DELETED, 2);
        assertThat(deleted).extracting(e -> e.object().name())
                .containsExactlyInAnyOrder(added.get(1).object().name(), added.get(2).object().name());
        assertThat(deleted).allSatisfy(e -> assertThat(e.object().phase()).isEqualTo("Terminating"));
        List<ConsumerRecord<String, String>> tombstones = TopicProbe.awaitRecords(Topics.K8S_PODS,
                r -> r.key().startsWith(ns + "/") && r.value() == null, 2, WAIT);
        assertThat(tombstones).hasSize(2);

        given().get("/api/v1/pods").then().statusCode(200);
        assertThat(given().get("/api/v1/pods").jsonPath().getList("findAll { it.namespace == '" + ns + "' }.name"))
                .containsExactly(first.name());
    }

    @Test
    void aCniFailureIsThePodsMessageADeletedPodIsReplacedAndANewImageRollsOut() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ns = "ns-" + suffix;
        Node node = new Node("node-c-" + suffix, "m5.large", "eu-west-1a", "10.0.0.0/19", "10.0.1.30");
        Deployment web = new Deployment(ns, "web", 2, Map.of("app", "web"), "nginx:1.27", 80);
        TopicProbe.send(Topics.WORLD_SIMULATION, Simulation.KEY,
                Json.write(new Simulation("it", SEED, Instant.parse("2026-01-01T09:00:00Z"))));
        TopicProbe.send(Topics.WORLD_K8S_MANIFESTS, node.key(), Json.write(node));
        TopicProbe.send(Topics.WORLD_K8S_MANIFESTS, web.key(), Json.write(web));
        List<WatchEvent<Pod>> added = events(ns, WatchEvent.ADDED, 2);
        Pod first = added.get(0).object();
        Pod second = added.get(1).object();

        String failure = "plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: "
                + "failed to assign an IP address to container";
        TopicProbe.send(Topics.CNI_POD_NETWORKS, first.key(), Json.write(new PodNetwork(ns, first.name(),
                first.node(), null, null, 0, null, null, null, null, "f-" + suffix, null, failure)));
        Pod waiting = events(ns, WatchEvent.MODIFIED, 1).get(0).object();
        assertThat(waiting.name()).isEqualTo(first.name());
        assertThat(waiting.phase()).isEqualTo("Pending");
        assertThat(waiting.message()).isEqualTo("Failed to create pod sandbox: " + failure);
        assertThat(given().get("/api/v1/pods").jsonPath().getString(
                "find { it.name == '" + first.name() + "' }.message")).contains("failed to assign an IP address");

        given().delete("/api/v1/namespaces/" + ns + "/pods/" + second.name()).then().statusCode(200)
                .body("name", equalTo(second.name())).body("phase", equalTo("Terminating"));
        assertThat(events(ns, WatchEvent.DELETED, 1)).extracting(e -> e.object().name())
                .containsExactly(second.name());
        List<WatchEvent<Pod>> replaced = events(ns, WatchEvent.ADDED, 3);
        assertThat(replaced.get(2).object().owner()).isEqualTo(second.owner());
        assertThat(replaced.get(2).object().name()).isNotIn(first.name(), second.name());
        given().delete("/api/v1/namespaces/" + ns + "/pods/no-such-pod").then().statusCode(404)
                .contentType("application/problem+json").body("field", equalTo("name"));

        given().contentType("application/merge-patch+json").body("{\"image\": \"nginx:1.28\"}")
                .patch("/apis/apps/v1/namespaces/" + ns + "/deployments/web")
                .then().statusCode(200).body("image", equalTo("nginx:1.28"));
        // 2 replicas: maxSurge 1, maxUnavailable 0, so one pod of the new ReplicaSet comes first
        List<WatchEvent<Pod>> rolled = events(ns, WatchEvent.ADDED, 4);
        assertThat(rolled.get(3).object().owner()).isNotEqualTo(first.owner()).startsWith("ReplicaSet/web-");
        given().get("/apis/apps/v1/namespaces/" + ns + "/deployments/web").then().statusCode(200)
                .body("image", equalTo("nginx:1.28")).body("replicas", equalTo(2));
        given().contentType("application/json").body("{\"image\": \"nginx 1.28\"}")
                .patch("/apis/apps/v1/namespaces/" + ns + "/deployments/web")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("image"));

        // leave no node or pods behind for the other tests' scheduling
        TopicProbe.send(Topics.WORLD_K8S_MANIFESTS, web.key(), null);
        TopicProbe.send(Topics.WORLD_K8S_MANIFESTS, node.key(), null);
        TopicProbe.awaitRecords(Topics.K8S_NODES, r -> r.key().equals(node.name()) && r.value() == null, 1, WAIT);
    }

    @Test
    void badScaleRequestsAreProblems() {
        String ns = "ns-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("{\"replicas\": -1}")
                .put("/apis/apps/v1/namespaces/" + ns + "/deployments/web/scale")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("about:blank")).body("title", equalTo("Bad Request"))
                .body("status", equalTo(400)).body("field", equalTo("replicas"));
        given().contentType("application/json").body("{}")
                .put("/apis/apps/v1/namespaces/" + ns + "/deployments/web/scale")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("replicas"));
        given().contentType("application/json").body("{\"replicas\": 2}")
                .put("/apis/apps/v1/namespaces/" + ns + "/deployments/web/scale")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    private static List<WatchEvent<Pod>> events(String ns, String type, int atLeast) {
        List<WatchEvent<Pod>> events = TopicProbe.awaitRecords(Topics.K8S_PODS,
                        r -> r.key().startsWith(ns + "/") && r.value() != null && type.equals(read(r.value()).type()),
                        atLeast, WAIT)
                .stream().map(r -> read(r.value())).toList();
        assertThat(events).as("%d %s pod events in %s", atLeast, type, ns).hasSizeGreaterThanOrEqualTo(atLeast);
        return events;
    }

    private static WatchEvent<Pod> read(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

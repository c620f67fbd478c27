package com.packetjourney.albcontroller.messaging;

import com.packetjourney.albcontroller.domain.IngressTranslator;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

/** Ingress, Service and pods in through a real broker; load balancer configuration and target registrations out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TargetSyncIT {

    private static Pod pod(String ns, String name, String ip, boolean ready) {
        return new Pod(ns, name, "nginx", Map.of("app", "nginx"), "ip-10-0-1-17", ready ? "Running" : "Pending",
                ip, ready, 80, 1, null);
    }

    private static void publishPod(Pod pod, String type) {
        TopicProbe.send(Topics.K8S_PODS, pod.key(), Json.write(new WatchEvent<>(type, pod)));
    }

    @Test
    void readyPodsOfTheIngressBackendBecomeRegisteredTargetsAndADeletedPodIsDeregistered() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ns = "ns" + suffix;
        String lb = "alb-" + suffix;
        String cert = "arn:aws:acm:eu-west-1:111122223333:certificate/" + suffix;
        TopicProbe.send(Topics.WORLD_LOAD_BALANCERS, lb, Json.write(new LoadBalancer(lb, lb + ".elb.amazonaws.com",
                "internet-facing", 16509, List.of(new LoadBalancer.AlbNode("eu-west-1a", "54.217.1.1", "10.0.0.10")),
                List.of(new LoadBalancer.Certificate(cert, List.of("shop.example"))))));
        TopicProbe.send(Topics.K8S_SERVICES, ns + "/nginx",
                Json.write(new Service(ns, "nginx", Map.of("app", "nginx"), 80, 80)));
        TopicProbe.send(Topics.K8S_INGRESSES, ns + "/nginx", Json.write(new Ingress(ns, "nginx", "alb", Map.of(
                IngressTranslator.LOAD_BALANCER_NAME, lb,
                IngressTranslator.TARGET_TYPE, "ip",
                IngressTranslator.LISTEN_PORTS, "[{\"HTTPS\":443}]",
                IngressTranslator.CERTIFICATE_ARN, cert,
                IngressTranslator.TARGET_GROUP_ATTRIBUTES, "load_balancing.algorithm.type=least_outstanding_requests"),
                List.of(new Ingress.Rule("shop.example", List.of(new Ingress.Path("/", "Prefix", "nginx", 80)))))));
        Pod a = pod(ns, "nginx-a", "10.0.1.20", true);
        Pod b = pod(ns, "nginx-b", "10.0.33.5", true);
        publishPod(a, WatchEvent.ADDED);
        publishPod(b, WatchEvent.ADDED);
        publishPod(pod(ns, "nginx-c", null, false), WatchEvent.ADDED);

        ConsumerRecord<String, String> configRecord = TopicProbe.awaitRecord(Topics.ALB_CONFIG, lb,
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no AlbConfig for " + lb));
        AlbConfig config = Json.read(configRecord.value(), AlbConfig.class);
        assertThat(config.ingress()).isEqualTo(ns + "/nginx");
        assertThat(config.listeners()).singleElement().satisfies(l -> {
            assertThat(l.port()).isEqualTo(443);
            assertThat(l.protocol()).isEqualTo("HTTPS");
            assertThat(l.certificateArns()).containsExactly(cert);
            assertThat(l.defaultAction()).isEqualTo("fixed-response:404");
            assertThat(l.rules()).singleElement().satisfies(r -> {
                assertThat(r.priority()).isEqualTo(1);
                assertThat(r.hostHeaders()).containsExactly("shop.example");
                assertThat(r.pathPatterns()).containsExactly("/*");
            });
        });
        AlbConfig.TargetGroup group = config.targetGroups().get(0);
        assertThat(group.name()).startsWith("k8s-" + ns.substring(0, 8) + "-nginx-");
        assertThat(group.algorithm()).isEqualTo("least_outstanding_requests");

        List<ConsumerRecord<String, String>> registrations = TopicProbe.awaitRecords(Topics.ALB_TARGETS,
                r -> r.key().startsWith(group.name() + "|"), 2, Duration.ofSeconds(30));
        assertThat(registrations).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(group.name() + "|10.0.1.20:80", group.name() + "|10.0.33.5:80");
        TargetRegistration first = Json.read(registrations.stream().filter(r -> r.key().endsWith("10.0.1.20:80"))
                .findFirst().orElseThrow().value(), TargetRegistration.class);
        assertThat(first.pod()).isEqualTo("nginx-a");
        assertThat(first.state()).isEqualTo("healthy");
        assertThat(first.port()).isEqualTo(80);
        assertThat(first.eventId()).isNotBlank();

        given().get("/ingresses").then().statusCode(200).body("status", hasItem("RECONCILED"))
                .body("ingress", hasItem(ns + "/nginx"));

        publishPod(b, WatchEvent.DELETED);
        String bKey = group.name() + "|10.0.33.5:80";
        List<ConsumerRecord<String, String>> draining = TopicProbe.awaitRecords(Topics.ALB_TARGETS,
                r -> r.key().equals(bKey) && r.value() != null
                        && TargetRegistration.DRAINING.equals(Json.read(r.value(), TargetRegistration.class).state()),
                1, Duration.ofSeconds(30));
        assertThat(draining).as("pod b deregistered: its target drains").hasSize(1);
        TargetRegistration deregistered = Json.read(draining.get(0).value(), TargetRegistration.class);
        assertThat(deregistered.pod()).isEqualTo("nginx-b");
        assertThat(deregistered.eventId()).isNotBlank();
        assertThat(group.deregistrationDelaySeconds()).isEqualTo(300);
        given().get("/target-groups").then().statusCode(200)
                .body("find { it.name == '" + group.name() + "' }.targets.ip", contains("10.0.1.20", "10.0.33.5"))
                .body("find { it.name == '" + group.name() + "' }.targets.state", contains("healthy", "draining"));
    }
}

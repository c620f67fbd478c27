package com.packetjourney.alb.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The ALB hop through a real broker: load balancer, configuration and targets from the topics, a routed packet in,
 * the forwarding decision out; the pod's response releases the outstanding request.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AlbHopIT {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final long ONE_WAY = 23_000;

    private String suffix;
    private String lb;
    private String nodeIp;
    private String cert;
    private String tg;

    private HopEvent routed(String journeyId) {
        JourneyContext context = JourneyContext.request("https://shop.example/cart", "https", "shop.example", 443,
                "/cart", "laptop", "3c:22:fb:7a:10:01").withLease("192.168.1.100", "192.168.1.1", "192.168.1.1")
                .withServerIp(nodeIp).withRoute(16509L, "198.51.100.23", 40123);
        return HopEvent.first(journeyId, T0, ONE_WAY, Instant.now(), Outcome.ok(), context, new PacketRouted(
                "192.168.1.100", "198.51.100.23", nodeIp, 443, "TCP", List.of(), List.of(64500L, 16509L),
                "100.64.0.0/10", 16509L));
    }

    private AlbForwarded forward(HopEvent routed) {
        TopicProbe.send(Topics.ROUTE, routed.journeyId(), Json.write(routed));
        ConsumerRecord<String, String> out = TopicProbe.awaitRecord(Topics.ALB, routed.journeyId(),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no ALB hop for " + routed.journeyId()));
        HopEvent alb = Json.read(out.value(), HopEvent.class);
        assertThat(alb.hopType()).isEqualTo(HopType.ALB_FORWARDED);
        assertThat(alb.causationId()).isEqualTo(routed.eventId());
        assertThat(alb.outcome().isOk()).isTrue();
        // TCP one round trip, TLS 1.2 two under the controller's default policy, then 150 µs of processing
        assertThat(alb.simLatencyMicros()).isEqualTo(6 * ONE_WAY + 150);
        AlbForwarded payload = (AlbForwarded) alb.payload();
        assertThat(alb.context().targetIp()).isEqualTo(payload.target().ip());
        assertThat(alb.context().targetPort()).isEqualTo(8080);
        return payload;
    }

    private int outstanding(String ip) {
        List<Map<String, Object>> health = given().get("/load-balancers/" + lb + "/target-health").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return health.stream().filter(t -> ip.equals(t.get("ip"))).mapToInt(t -> (Integer) t.get("outstandingRequests"))
                .findFirst().orElse(-1);
    }

    @Test
    void aRoutedPacketIsForwardedToTheLeastLoadedTargetAndThePodsResponseReleasesIt() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        lb = "alb-" + suffix;
        nodeIp = "100.64." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
        cert = "arn:aws:acm:eu-west-1:111122223333:certificate/" + suffix;
        tg = "k8s-it-web-" + suffix;
        TopicProbe.send(Topics.WORLD_LOAD_BALANCERS, lb, Json.write(new LoadBalancer(lb, lb + ".elb.amazonaws.com",
                "internet-facing", 16509, List.of(new LoadBalancer.AlbNode("eu-west-1a", nodeIp, "10.0.0.10")),
                List.of(new LoadBalancer.Certificate(cert, List.of("*.example", "shop.example"))))));
        TopicProbe.send(Topics.ALB_CONFIG, lb, Json.write(new AlbConfig(lb, "it/web", List.of(
                new AlbConfig.Listener(443, "HTTPS", List.of(cert), List.of(
                        new AlbConfig.Rule(2, List.of("*.example"), List.of("/*"), tg + "-other"),
                        new AlbConfig.Rule(1, List.of("shop.example"), List.of("/cart", "/cart/*"), tg)),
                        "fixed-response:404")),
                List.of(new AlbConfig.TargetGroup(tg, "HTTP", 8080, "ip", "least_outstanding_requests", "it/web",
                        300)))));
        TargetRegistration a = new TargetRegistration(tg, "10.0.1.20", 8080, "web-a", "healthy", "reg-a-" + suffix);
        TargetRegistration b = new TargetRegistration(tg, "10.0.33.5", 8080, "web-b", "healthy", "reg-b-" + suffix);
        TopicProbe.send(Topics.ALB_TARGETS, a.key(), Json.write(a));
        TopicProbe.send(Topics.ALB_TARGETS, b.key(), Json.write(b));
        // as the launcher does: wait until the ALB shows both targets registered
        await().atMost(Duration.ofSeconds(30)).until(() -> outstanding("10.0.1.20") == 0 && outstanding("10.0.33.5") == 0);

        HopEvent first = routed("j1-" + suffix);
        AlbForwarded p = forward(first);
        assertThat(p.loadBalancer()).isEqualTo(lb);
        assertThat(p.albNodeIp()).isEqualTo(nodeIp);
        assertThat(p.availabilityZone()).isEqualTo("eu-west-1a");
        assertThat(p.tcpHandshake()).hasSize(3);
        assertThat(p.tcpHandshake().get(0)).startsWith("SYN 198.51.100.23:").contains(" > " + nodeIp + ":443 ")
                .endsWith("win=64240 mss=1460");
        assertThat(p.tcpHandshake().get(1)).startsWith("SYN-ACK " + nodeIp + ":443 > 198.51.100.23:");
        assertThat(p.tcpHandshake().get(2)).startsWith("ACK 198.51.100.23:");
        assertThat(p.listener()).isEqualTo("HTTPS:443");
        assertThat(p.tls()).isEqualTo(new AlbForwarded.Tls("shop.example", cert, "exact shop.example", "TLSv1.2",
                "ECDHE-RSA-AES128-GCM-SHA256", "h2"));
        assertThat(p.rule()).isEqualTo(new AlbForwarded.Rule(1,
                "host-header shop.example AND path-pattern /cart OR /cart/*", "forward to " + tg));
        assertThat(p.targetGroup()).isEqualTo(tg);
        assertThat(p.algorithm()).isEqualTo("least_outstanding_requests");
        assertThat(p.target()).isEqualTo(new AlbForwarded.Target("10.0.1.20", 8080, "web-a", "reg-a-" + suffix));
        assertThat(p.candidates()).containsExactly(new AlbForwarded.TargetLoad("10.0.1.20", 8080, 0),
                new AlbForwarded.TargetLoad("10.0.33.5", 8080, 0));
        assertThat(outstanding("10.0.1.20")).isEqualTo(1);

        AlbForwarded second = forward(routed("j2-" + suffix));
        assertThat(second.target().ip()).as("the least loaded").isEqualTo("10.0.33.5");
        assertThat(second.candidates()).containsExactly(new AlbForwarded.TargetLoad("10.0.1.20", 8080, 1),
                new AlbForwarded.TargetLoad("10.0.33.5", 8080, 0));

        HopEvent albHop = first.next(4 * ONE_WAY + 150, Instant.now(), Outcome.ok(),
                first.context().withTarget("10.0.1.20", 8080, "eu-west-1a"), p);
        HopEvent response = albHop.next(800, Instant.now(), Outcome.ok(), albHop.context(), new PodResponded(
                "ip-10-0-1-17", "10.0.1.17", "eu-west-1a", "eni-0a", "web-a", "10.0.1.20", "cni-1", "eni1a", "eth0",
                List.of(), 8080, "nginx/1.27.0", 200, "HTTP/1.1 200 OK", "pod-net-a"));
        TopicProbe.send(Topics.POD, response.journeyId(), Json.write(response));
        await().atMost(Duration.ofSeconds(30)).until(() -> outstanding("10.0.1.20") == 0);
        assertThat(outstanding("10.0.33.5")).isEqualTo(1);
    }

    @Test
    void anUnknownLoadBalancerIsAProblemNamingTheField() {
        given().get("/load-balancers/no-such-alb/target-health").then().statusCode(404)
                .contentType("application/problem+json").body("field", equalTo("name"))
                .body("status", equalTo(404));
    }

    @Test
    void anUnreadablePodResponseIsDeadLettered() {
        String badKey = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.send(Topics.POD, badKey, "{not an event");
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(Topics.deadLetter("alb"), badKey,
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("unreadable record not dead-lettered"));
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("HopEvent");
    }
}

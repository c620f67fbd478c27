package com.packetjourney.cni.messaging;

import com.packetjourney.cni.domain.DataPath;
import com.packetjourney.cni.domain.Eni;
import com.packetjourney.cni.domain.PodNetworkSetup;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.k8s.Cluster;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.EniAttachment;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
import static org.hamcrest.Matchers.equalTo;

/**
 * The CNI through a real broker: nodes and pod watch events in, pod networks out; then the ALB's request delivered
 * to the pod that owns the target address.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PodHopIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long SEED = 20230904L;

    @Test
    void podsGetAddressesAndTheRequestReachesNginxInThePod() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String net = "10." + ThreadLocalRandom.current().nextInt(20, 250);
        String ns = "ns-" + suffix;
        Cluster cluster = new Cluster("c-" + suffix, "eu-west-1", "vpc-" + suffix, net + ".0.0/16");
        Deployment web = new Deployment(ns, "web", 2, Map.of("app", "web"), "nginx:1.27", 80);
        Node node = new Node("node-" + suffix, "t3.medium", "eu-west-1a", net + ".0.0/19", net + ".1.17");
        TopicProbe.send(Topics.WORLD_SIMULATION, Simulation.KEY,
                Json.write(new Simulation("it", SEED, Instant.parse("2026-01-01T09:00:00Z"))));
        TopicProbe.send(Topics.WORLD_K8S_MANIFESTS, cluster.key(), Json.write(cluster));
        TopicProbe.send(Topics.WORLD_K8S_MANIFESTS, web.key(), Json.write(web));
        TopicProbe.send(Topics.K8S_NODES, node.name(), Json.write(node));

        Pod a = pod(ns, "web-bcdfghjklm-bcdfg", node.name(), "Pending", null, false, 1);
        sendPod(WatchEvent.ADDED, a);
        PodNetwork networkA = awaitNetwork(a.key());
        assertThat(networkA.namespace()).isEqualTo(ns);
        assertThat(networkA.pod()).isEqualTo(a.name());
        assertThat(networkA.node()).isEqualTo(node.name());
        assertThat(networkA.podIp()).isEqualTo(net + ".1.18");
        assertThat(networkA.eni()).isEqualTo(Eni.idFor(SEED, node.name(), 0));
        assertThat(networkA.eniIndex()).isZero();
        assertThat(networkA.vethHost()).isEqualTo(PodNetworkSetup.hostVethName(ns, a.name()));
        assertThat(networkA.vethPod()).isEqualTo("eth0");
        assertThat(networkA.netns()).isEqualTo(PodNetworkSetup.netns(SEED, ns, a.name()));
        assertThat(networkA.hostRoute()).isEqualTo(net + ".1.18 dev " + networkA.vethHost() + " scope link");
        assertThat(networkA.eventId()).isNotBlank();

        // the API server marks A running; B's network proves the CNI has read that far
        sendPod(WatchEvent.MODIFIED, pod(ns, a.name(), node.name(), "Running", networkA.podIp(), true, 2));
        Pod b = pod(ns, "web-bcdfghjklm-ghjkl", node.name(), "Pending", null, false, 3);
        sendPod(WatchEvent.ADDED, b);
        assertThat(awaitNetwork(b.key()).podIp()).isEqualTo(net + ".1.19");

        HopEvent toA = albForwarded("j-" + suffix, networkA.podIp(), 80);
        HopEvent served = awaitHop(toA);
        assertThat(served.hopType()).isEqualTo(HopType.POD_RESPONDED);
        assertThat(served.causationId()).isEqualTo(toA.eventId());
        assertThat(served.simStartedAt()).isEqualTo(toA.simEndedAt());
        assertThat(served.outcome().isOk()).isTrue();
        assertThat(served.simLatencyMicros()).isEqualTo(DataPath.SAME_ZONE_MICROS + DataPath.CROSS_ZONE_EXTRA_MICROS
                + DataPath.VETH_MICROS + DataPath.SERVER_HANDLING_MICROS);
        PodResponded p = (PodResponded) served.payload();
        assertThat(p.node()).isEqualTo(node.name());
        assertThat(p.nodeIp()).isEqualTo(net + ".1.17");
        assertThat(p.availabilityZone()).isEqualTo("eu-west-1a");
        assertThat(p.eni()).isEqualTo(networkA.eni());
        assertThat(p.pod()).isEqualTo(a.name());
        assertThat(p.podIp()).isEqualTo(networkA.podIp());
        assertThat(p.netns()).isEqualTo(networkA.netns());
        assertThat(p.vethHost()).isEqualTo(networkA.vethHost());
        assertThat(p.vethPod()).isEqualTo("eth0");
        assertThat(p.steps()).containsExactly(
                "VPC route table " + DataPath.routeTableId(SEED, cluster.vpcId()) + ": " + net + ".0.0/16 -> local",
                "ENI " + networkA.eni() + " (eth0 of " + node.name() + ") owns " + networkA.podIp(),
                "host route: " + networkA.hostRoute(),
                "veth " + networkA.vethHost() + " -> eth0 in netns " + networkA.netns(),
                "nginx accepted the connection on " + networkA.podIp() + ":80",
                "nginx/1.27 answered HTTP/1.1 200 OK");
        assertThat(p.containerPort()).isEqualTo(80);
        assertThat(p.server()).isEqualTo("nginx/1.27");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(p.assignedBy()).isEqualTo(networkA.eventId());

        HopEvent refused = awaitHop(albForwarded("j2-" + suffix, networkA.podIp(), 8080));
        assertThat(refused.outcome().code()).isEqualTo(FailureCode.POD_NOT_LISTENING);
        assertThat(((PodResponded) refused.payload()).status()).isNull();
        HopEvent notReady = awaitHop(albForwarded("j3-" + suffix, net + ".1.19", 80));
        assertThat(notReady.outcome().code()).isEqualTo(FailureCode.POD_NOT_LISTENING);
        HopEvent nobody = awaitHop(albForwarded("j4-" + suffix, net + ".9.9", 80));
        assertThat(nobody.outcome().code()).isEqualTo(FailureCode.POD_NOT_FOUND);
        assertThat(((PodResponded) nobody.payload()).pod()).isNull();

        given().get("/nodes/" + node.name()).then().statusCode(200)
                .body("maxPods", equalTo(17))
                .body("enis[0].assigned.'" + networkA.podIp() + "'", equalTo(a.key()));
        given().get("/nodes/no-such-node-" + suffix).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));

        String badKey = "bad-" + suffix;
        TopicProbe.send(Topics.ALB, badKey, "{this is not an event");
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(Topics.deadLetter("node-cni"), badKey, WAIT)
                .orElseThrow(() -> new AssertionError("unreadable record not dead-lettered"));
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("HopEvent");

        sendPod(WatchEvent.DELETED, b);
        List<ConsumerRecord<String, String>> released = TopicProbe.awaitRecords(Topics.CNI_POD_NETWORKS,
                r -> r.key().equals(b.key()) && r.value() == null, 1, WAIT);
        assertThat(released).hasSize(1);

        // WARM_ENI_TARGET=1: A's address left 4 of eth0's 5 free, so ipamd attached eth1 and published it
        EniAttachment eth1 = TopicProbe.awaitRecord(Topics.CNI_ENIS, node.name() + "/eth1", WAIT)
                .map(r -> Json.read(r.value(), EniAttachment.class))
                .orElseThrow(() -> new AssertionError("no ENI attachment for " + node.name()));
        assertThat(eth1.eni()).isEqualTo(Eni.idFor(SEED, node.name(), 1));
        assertThat(eth1.secondaryIps()).hasSize(5);
        assertThat(eth1.reason()).isEqualTo("WARM_ENI_TARGET=1 keeps 5 addresses free; 4 were");
        assertThat(eth1.eventId()).isEqualTo(Eni.attachmentEventId(node.name(), eth1.eni()));

        String slowness = "/pods/" + ns + "/" + a.name() + "/slowness";
        given().contentType("application/json").body("{\"micros\": -5}").post(slowness).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("micros"));
        given().contentType("application/json").body("{\"micros\": 5}").post("/pods/" + ns + "/nope/slowness")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{\"micros\": 3000000}").post(slowness).then()
                .statusCode(200).body("micros", equalTo(3000000));
        // answered once read back: the next journey sees it
        given().get(slowness).then().body("micros", equalTo(3000000));
        HopEvent slow = awaitHop(albForwarded("j5-" + suffix, networkA.podIp(), 80));
        assertThat(slow.simLatencyMicros()).isEqualTo(served.simLatencyMicros() + 3_000_000);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Pod pod(String ns, String name, String node, String phase, String ip, boolean ready, long version) {
        return new Pod(ns, name, "ReplicaSet/web-bcdfghjklm", Map.of("app", "web"), node, phase, ip, ready, 80,
                version, null);
    }

    private static void sendPod(String type, Pod pod) {
        TopicProbe.send(Topics.K8S_PODS, pod.key(), Json.write(new WatchEvent<>(type, pod)));
    }

    private static PodNetwork awaitNetwork(String key) {
        return TopicProbe.awaitRecords(Topics.CNI_POD_NETWORKS, r -> r.key().equals(key) && r.value() != null, 1, WAIT)
                .stream().findFirst().map(r -> Json.read(r.value(), PodNetwork.class))
                .orElseThrow(() -> new AssertionError("no pod network for " + key));
    }

    private static HopEvent albForwarded(String journeyId, String ip, int port) {
        JourneyContext context = JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com",
                443, "/", "laptop", "02:00:00:00:00:01").withTarget(ip, port, "eu-west-1b");
        AlbForwarded alb = new AlbForwarded("k8s-default-web", "10.0.32.10", "eu-west-1b", List.of(), "HTTPS:443",
                null, null, "tg-web", "least_outstanding_requests",
                new AlbForwarded.Target(ip, port, "web", "registration-1"), List.of());
        return HopEvent.first(journeyId, Instant.parse("2026-01-01T09:00:00Z"), 1000, Instant.now(), Outcome.ok(),
                context, alb);
    }

    private static HopEvent awaitHop(HopEvent in) {
        TopicProbe.send(Topics.ALB, in.journeyId(), Json.write(in));
        ConsumerRecord<String, String> out = TopicProbe.awaitRecord(Topics.POD, in.journeyId(), WAIT)
                .orElseThrow(() -> new AssertionError("no pod hop for " + in.journeyId()));
        return Json.read(out.value(), HopEvent.class);
    }
}

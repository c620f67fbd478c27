package com.packetjourney.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.cli.ScenarioLoader;
import com.packetjourney.cli.Stack;
import com.packetjourney.cli.StackClient;
import com.packetjourney.cli.StackState;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS side when the world changes, on a stack of its own and a fresh broker of its own: a slow pod and least
 * outstanding requests, a deleted pod whose target drains, nginx scaled to zero (503 at the ALB) and back, nginx
 * scaled beyond what the two m5.large nodes hold (ENIs attached, pods left without an address), and every hop on
 * the AWS side linking to the control-plane event that enabled it. The tests build on each other, in order, and send
 * every journey at a later simulated instant than the one before, as the ALB's simulated "now" only moves forward.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsSideIT {
    private static final String URL = "https://packet-journey.com/";
    private static final Duration SETTLE = Duration.ofSeconds(180);
    private static final Duration JOURNEY = Duration.ofSeconds(120);
    private static final String NO_IP = "failed to assign an IP address to container";

    static Stack stack;
    static StackState state;
    static StackClient client;
    static LoadBalancer alb;
    static final HttpClient http = HttpClient.newHttpClient();
    /** When the next journey starts: a little later each time. */
    static Instant clock;

    @BeforeAll
    static void startAStackWithItsOwnBroker() {
        Path home = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
        Scenario scenario = ScenarioLoader.read(home.resolve("scenarios/eks-nginx.yaml"));
        alb = scenario.loadBalancers().get(0);
        clock = scenario.simulation().epoch().plusSeconds(3600);
        stack = new Stack(home, Path.of("target/aws-side-stack").toAbsolutePath(), System.out::println);
        state = stack.up(scenario, "scenarios/eks-nginx.yaml", E2e.freePortBase(), E2e.freePort(), null,
                Duration.ofSeconds(240));
        client = new StackClient(state);
        E2e.await(() -> client.healthyTargets(alb.name()) >= ScenarioLoader.expectedReplicas(scenario), SETTLE);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void theWarmPoolKeepsAWholeEniOfAddressesFreeOnEachNode() {
        for (JsonNode node : get("node-cni", "/nodes")) {
            assertThat(node.path("warmPool").asText()).isEqualTo("WARM_ENI_TARGET=1");
            // the first pod took one of eth0's 9 addresses, so ipamd attached eth1 to keep 9 free
            assertThat(node.path("enis")).hasSize(2);
            JsonNode eth1 = node.path("enis").get(1);
            assertThat(eth1.path("device").asText()).isEqualTo("eth1");
            assertThat(eth1.path("attachedBecause").asText())
                    .isEqualTo("WARM_ENI_TARGET=1 keeps 9 addresses free; 8 were");
            assertThat(eth1.path("attachmentEventId").asText()).isNotBlank();
            assertThat(eth1.path("free")).hasSize(9);
        }
    }

    @Test
    @Order(2)
    void leastOutstandingRequestsSendsNewJourneysAwayFromASlowPodWhileItsAnswerIsOutstanding() {
        JsonNode slowPod = runningPods().get(0);
        String slowIp = slowPod.path("podIp").asText();
        String slowness = "/pods/default/" + slowPod.path("name").asText() + "/slowness";
        assertThat(call("POST", "node-cni", slowness, "{\"micros\": 5000000}").statusCode()).isIn(200, 202);
        E2e.await(() -> get("node-cni", slowness).path("micros").asLong() == 5_000_000L, SETTLE);

        // equal loads rotate: within three journeys one reaches the slow pod
        JourneyView toSlow = null;
        for (int i = 0; i < 3 && toSlow == null; i++) {
            JourneyView j = completed(tick(Duration.ofSeconds(10)));
            if (albHop(j).target().ip().equals(slowIp)) {
                toSlow = j;
            }
        }
        assertThat(toSlow).as("a journey to the slow pod " + slowIp).isNotNull();
        PodResponded slowAnswer = podHop(toSlow);
        assertThat(slowAnswer.steps()).anySatisfy(s -> assertThat(s).contains("5000000 µs longer"));
        assertThat(toSlow.hops().get(5).simLatencyMicros()).isGreaterThan(5_000_000L);

        // its answer is outstanding for 5 simulated seconds: journeys starting 1, 2 and 3 s later go elsewhere
        Instant slowStart = toSlow.simStartedAt();
        for (int second = 1; second <= 3; second++) {
            clock = slowStart.plusSeconds(second);
            AlbForwarded hop = albHop(completed(clock));
            assertThat(hop.target().ip()).as("+%d s", second).isNotEqualTo(slowIp);
            assertThat(hop.candidates()).filteredOn(c -> c.ip().equals(slowIp)).singleElement()
                    .satisfies(c -> assertThat(c.outstandingRequests()).isEqualTo(1));
            assertThat(hop.candidates()).filteredOn(c -> !c.ip().equals(slowIp))
                    .allSatisfy(c -> assertThat(c.outstandingRequests()).isZero());
        }
        clock = slowStart.plusSeconds(10);
        AlbForwarded later = albHop(completed(clock));
        assertThat(later.candidates()).allSatisfy(c -> assertThat(c.outstandingRequests()).isZero());

        assertThat(call("POST", "node-cni", slowness, "{\"micros\": 0}").statusCode()).isIn(200, 202);
        E2e.await(() -> get("node-cni", slowness).path("micros").asLong() == 0L, SETTLE);
    }

    @Test
    @Order(3)
    void aDeletedPodsTargetDrainsGetsNoNewJourneyAndIsGoneAfterTheDeregistrationDelay() {
        JsonNode victim = runningPods().get(1);
        String victimIp = victim.path("podIp").asText();
        HttpResponse<String> deleted = call("DELETE", "k8s-api", "/api/v1/namespaces/default/pods/"
                + victim.path("name").asText(), null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(Json.read(deleted.body(), JsonNode.class).path("phase").asText()).isEqualTo("Terminating");

        E2e.await(() -> targetState(victimIp).equals("draining") && client.healthyTargets(alb.name()) == 3, SETTLE);
        JsonNode draining = target(victimIp).orElseThrow();
        assertThat(draining.path("reason").asText()).isEqualTo("Target.DeregistrationInProgress");
        Instant until = Instant.parse(draining.path("drainingUntil").asText());
        assertThat(runningPods()).extracting(p -> p.path("podIp").asText()).hasSize(3)
                .as("the replacement got an address of its own: the deleted pod's one is cooling down")
                .doesNotContain(victimIp);

        for (int i = 0; i < 4; i++) {
            AlbForwarded hop = albHop(completed(tick(Duration.ofSeconds(1))));
            assertThat(hop.target().ip()).isNotEqualTo(victimIp);
            assertThat(hop.candidates()).extracting(AlbForwarded.TargetLoad::ip).hasSize(3).doesNotContain(victimIp);
        }
        // the default deregistration delay is 300 s: a journey after it finds the target gone
        clock = until.plusSeconds(1);
        completed(clock);
        assertThat(target(victimIp)).isEmpty();
    }

    @Test
    @Order(4)
    void scaledToZeroJourneysEndAtTheAlbWith503AndScaledBackToThreeTheySucceed() {
        assertThat(scale(0).statusCode()).isIn(200, 202);
        E2e.await(() -> client.healthyTargets(alb.name()) == 0 && runningPods().isEmpty(), SETTLE);
        assertThat(get("alb", "/load-balancers/" + alb.name() + "/target-health"))
                .allSatisfy(t -> assertThat(t.path("state").asText()).isEqualTo("draining"));

        JourneyView refused = ended(tick(Duration.ofSeconds(1)));
        assertThat(refused.status()).isEqualTo(JourneyStatus.FAILED);
        assertThat(refused.failureCode()).isEqualTo(FailureCode.ALB_NO_HEALTHY_TARGET);
        assertThat(refused.failedHop()).isEqualTo(HopType.ALB_FORWARDED.wireName());
        assertThat(refused.failureMessage()).startsWith("HTTP 503").endsWith("(3 draining)");
        assertThat(refused.hops()).extracting(HopEvent::hopType).last().isEqualTo(HopType.ALB_FORWARDED);

        assertThat(scale(3).statusCode()).isIn(200, 202);
        E2e.await(() -> client.healthyTargets(alb.name()) == 3, SETTLE);
        JourneyView served = completed(tick(Duration.ofSeconds(1)));
        assertThat(served.httpStatus()).isEqualTo(200);
        assertThat(runningPods()).extracting(p -> p.path("podIp").asText()).contains(albHop(served).target().ip());
    }

    @Test
    @Order(5)
    void scaledBeyondTwoM5LargeNodesEnisAreAttachedAndTheRestWaitsWithTheCnisError() {
        assertThat(scale(60).statusCode()).isIn(200, 202);
        // m5.large: 29 pods per node (3 ENIs x (10 - 1) + 2), 27 of them with an address of the node's 3 ENIs
        E2e.await(() -> {
            List<JsonNode> pods = nginxPods();
            return pods.size() == 60 && count(pods, p -> p.path("message").asText("").contains(NO_IP)) == 4
                    && count(pods, p -> "Running".equals(p.path("phase").asText())) == 54;
        }, SETTLE);
        List<JsonNode> pods = nginxPods();
        assertThat(count(pods, p -> p.path("node").isNull()
                && p.path("message").asText("").equals("0/2 nodes are available: 2 Too many pods."))).isEqualTo(2);
        assertThat(pods).filteredOn(p -> p.path("message").asText("").contains(NO_IP)).allSatisfy(p -> {
            assertThat(p.path("phase").asText()).isEqualTo("Pending");
            assertThat(p.path("podIp").isNull()).isTrue();
            assertThat(p.path("message").asText()).startsWith("Failed to create pod sandbox: ");
        });
        for (JsonNode node : get("node-cni", "/nodes")) {
            assertThat(node.path("enis")).hasSize(3);
            assertThat(node.path("podsWithoutAddress")).hasSize(2);
            for (JsonNode eni : node.path("enis")) {
                assertThat(eni.path("assigned").size()).isEqualTo(9);
            }
        }
        E2e.await(() -> client.healthyTargets(alb.name()) == 54, SETTLE);

        // the hops link to the control-plane events behind them: the target's registration, the pod's network and,
        // for an address of an attached ENI, the attachment
        JourneyView onSecondaryEni = null;
        for (int i = 0; i < 12 && onSecondaryEni == null; i++) {
            JourneyView j = completed(tick(Duration.ofSeconds(1)));
            if (podHop(j).eniAttachedBy() != null) {
                onSecondaryEni = j;
            }
        }
        assertThat(onSecondaryEni).as("a journey to a pod on eth1 or eth2").isNotNull();
        AlbForwarded albHop = albHop(onSecondaryEni);
        PodResponded podHop = podHop(onSecondaryEni);
        JsonNode registration = findIn(get("alb-controller", "/target-groups").get(0).path("targets"),
                t -> t.path("ip").asText().equals(albHop.target().ip()));
        assertThat(albHop.target().registeredBy()).isEqualTo(registration.path("eventId").asText());
        JsonNode eni = findIn(flatten(get("node-cni", "/nodes"), "enis"),
                e -> e.path("id").asText().equals(podHop.eni()));
        assertThat(eni.path("deviceIndex").asInt()).isPositive();
        assertThat(eni.path("assigned").has(podHop.podIp())).isTrue();
        assertThat(podHop.eniAttachedBy()).isEqualTo(eni.path("attachmentEventId").asText());
        assertThat(podHop.assignedBy()).isNotBlank();
    }

    /** Sends a journey starting at {@code at} and waits until it has ended. */
    private static JourneyView ended(Instant at) {
        String id = client.send(URL, null, at.toString(), "aws-" + UUID.randomUUID());
        JourneyView j = client.awaitEnd(id, JOURNEY).orElseThrow(() -> new AssertionError("journey " + id + " lost"));
        assertThat(j.status()).as("journey %s", id).isNotEqualTo(JourneyStatus.IN_PROGRESS);
        return j;
    }

    /**
     * Sends a journey that must complete, and waits until the ALB has also seen its response: the ALB learns of it
     * from pj.hop.pod on its own, possibly after journey-log, and a request whose response it has not seen yet is
     * outstanding whatever the simulated time.
     */
    private static JourneyView completed(Instant at) {
        JourneyView j = ended(at);
        assertThat(j.status()).as(j.failureMessage() == null ? "status" : j.failureMessage())
                .isEqualTo(JourneyStatus.COMPLETED);
        String ip = albHop(j).target().ip();
        E2e.await(() -> target(ip).map(t -> t.path("outstandingRequests").asInt()).orElse(0) == 0, SETTLE);
        return j;
    }

    private static Instant tick(Duration step) {
        clock = clock.plus(step);
        return clock;
    }

    private static AlbForwarded albHop(JourneyView j) {
        return (AlbForwarded) j.hops().get(HopChain.STANDARD.position(HopType.ALB_FORWARDED.number())).payload();
    }

    private static PodResponded podHop(JourneyView j) {
        return (PodResponded) j.hops().get(HopChain.STANDARD.position(HopType.POD_RESPONDED.number())).payload();
    }

    private static HttpResponse<String> scale(int replicas) {
        return call("PUT", "k8s-api", "/apis/apps/v1/namespaces/default/deployments/nginx/scale",
                "{\"replicas\": " + replicas + "}");
    }

    private static List<JsonNode> nginxPods() {
        List<JsonNode> pods = new ArrayList<>();
        get("k8s-api", "/api/v1/pods").forEach(p -> {
            if (p.path("name").asText().startsWith("nginx-")) {
                pods.add(p);
            }
        });
        return pods;
    }

    private static List<JsonNode> runningPods() {
        return nginxPods().stream().filter(p -> "Running".equals(p.path("phase").asText())).toList();
    }

    private static Optional<JsonNode> target(String ip) {
        for (JsonNode t : get("alb", "/load-balancers/" + alb.name() + "/target-health")) {
            if (t.path("ip").asText().equals(ip)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static String targetState(String ip) {
        return target(ip).map(t -> t.path("state").asText()).orElse("");
    }

    private static long count(List<JsonNode> nodes, java.util.function.Predicate<JsonNode> match) {
        return nodes.stream().filter(match).count();
    }

    private static JsonNode findIn(JsonNode array, java.util.function.Predicate<JsonNode> match) {
        for (JsonNode n : array) {
            if (match.test(n)) {
                return n;
            }
        }
        throw new AssertionError("nothing matches in " + array);
    }

    private static JsonNode flatten(JsonNode array, String field) {
        var all = Json.mapper().createArrayNode();
        array.forEach(n -> n.path(field).forEach(all::add));
        return all;
    }

    private static JsonNode get(String service, String path) {
        HttpResponse<String> r = call("GET", service, path, null);
        assertThat(r.statusCode()).as("GET %s%s: %s", service, path, r.body()).isEqualTo(200);
        return Json.read(r.body(), JsonNode.class);
    }

    private static HttpResponse<String> call(String method, String service, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(state.urlOf(service) + path))
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + service + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

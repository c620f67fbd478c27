package com.packetjourney.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.cli.PcapCommand;
import com.packetjourney.cli.ScenarioLoader;
import com.packetjourney.cli.Stack;
import com.packetjourney.cli.StackClient;
import com.packetjourney.cli.StackState;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.testsupport.SharedKafka;
import com.packetjourney.testsupport.TopicProbe;
import com.packetjourney.testsupport.Tshark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey: every service started from its packaged jar as its own process, on a real broker, the
 * scenario loaded as world events, a request sent from the laptop and the journey read back from journey-log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyEndToEndIT {
    private static final String URL = "https://packet-journey.com/";

    static Stack stack;
    static StackState state;
    static StackClient client;
    static Scenario scenario;
    static LoadBalancer alb;
    /** The first journey of the stack, which did every hop's full work. */
    static JourneyView first;

    @BeforeAll
    static void startStack() {
        Path home = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
        scenario = ScenarioLoader.read(home.resolve("scenarios/eks-nginx.yaml"));
        alb = scenario.loadBalancers().get(0);
        stack = new Stack(home, Path.of("target/e2e-stack").toAbsolutePath(), System.out::println);
        state = stack.up(scenario, "scenarios/eks-nginx.yaml", E2e.freePortBase(), 0, SharedKafka.bootstrapServers(),
                Duration.ofSeconds(240));
        client = new StackClient(state);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (client.healthyTargets(alb.name()) < ScenarioLoader.expectedReplicas(scenario)
                && System.nanoTime() < deadline) {
            E2e.sleep(200);
        }
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    /** First: the laptop's first journey meets empty caches and no lease, so every hop does its full work. */
    @Test
    @Order(1)
    void aRequestTravelsFromTheLaptopToNginxAndIsReconstructedFromTheLog() throws Exception {
        String id = client.send(URL, null, null, "e2e-" + UUID.randomUUID());
        JourneyView j = client.awaitEnd(id, Duration.ofSeconds(60)).orElseThrow();
        first = j;

        assertThat(j.status()).as(j.failureMessage() == null ? "status" : j.failureMessage()).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(j.url()).isEqualTo(URL);
        assertThat(j.client()).isEqualTo("laptop");
        assertThat(j.httpStatus()).isEqualTo(200);
        assertThat(j.simStartedAt()).isEqualTo(scenario.simulation().epoch());
        assertThat(j.hops()).extracting(HopEvent::hopType).containsExactly(HopType.values());
        for (int i = 1; i < j.hops().size(); i++) {
            HopEvent prev = j.hops().get(i - 1);
            HopEvent hop = j.hops().get(i);
            assertThat(hop.causationId()).isEqualTo(prev.eventId());
            assertThat(hop.simStartedAt()).isEqualTo(prev.simEndedAt());
            assertThat(hop.service()).isEqualTo(hop.hopType().service());
        }
        assertThat(j.simTotalMicros()).isEqualTo(j.hops().stream().mapToLong(HopEvent::simLatencyMicros).sum())
                .isPositive();

        JourneyRequested requested = (JourneyRequested) j.hops().get(0).payload();
        assertThat(requested.clientMac()).isEqualTo(scenario.clients().get(0).mac());

        DhcpConfigured dhcp = (DhcpConfigured) j.hops().get(1).payload();
        assertThat(dhcp.lease().router()).isEqualTo("192.168.1.1");
        assertThat(dhcp.lease().address()).startsWith("192.168.1.");
        assertThat(dhcp.lease().dnsServers()).containsExactly("192.168.1.1");
        assertThat(dhcp.routingTable()).anySatisfy(r -> {
            assertThat(r.destination()).isEqualTo("0.0.0.0/0");
            assertThat(r.gateway()).isEqualTo("192.168.1.1");
        });

        DnsResolved dns = (DnsResolved) j.hops().get(2).payload();
        assertThat(dns.question()).contains("packet-journey.com");
        // the apex is a Route 53 alias of the ALB: its A records, no CNAME in the answer
        assertThat(dns.cnameChain()).isEmpty();
        List<String> albIps = alb.nodes().stream().map(LoadBalancer.AlbNode::publicIp).toList();
        assertThat(dns.addresses()).containsExactlyInAnyOrderElementsOf(albIps);
        assertThat(albIps).contains(dns.address());
        assertThat(dns.steps()).extracting(DnsResolved.DnsStep::kind).first().isEqualTo("REFERRAL");
        assertThat(dns.steps()).extracting(DnsResolved.DnsStep::kind).doesNotContain("CNAME").last()
                .isEqualTo("ANSWER");
        // com. has no glue for ns-1.awsdns-01.org.: its address is looked up through org. first
        assertThat(dns.steps()).anySatisfy(s -> assertThat(s.forNameServer()).isEqualTo("ns-1.awsdns-01.org."));

        PacketRouted route = (PacketRouted) j.hops().get(3).payload();
        assertThat(route.destination()).isEqualTo(dns.address());
        assertThat(route.source()).isEqualTo(dhcp.lease().address());
        assertThat(route.translatedSource()).startsWith("198.51.100.23");
        assertThat(route.originAs()).isEqualTo(16509L);
        assertThat(route.asPath()).last().isEqualTo(16509L);
        assertThat(route.path()).isNotEmpty();

        AlbForwarded albHop = (AlbForwarded) j.hops().get(4).payload();
        assertThat(albHop.loadBalancer()).isEqualTo(alb.name());
        assertThat(albHop.albNodeIp()).isEqualTo(dns.address());
        assertThat(albHop.tls().sni()).isEqualTo("packet-journey.com");
        assertThat(albHop.tls().certificateArn()).isEqualTo(alb.certificates().get(0).arn());
        assertThat(albHop.algorithm()).containsIgnoringCase("least");
        List<String> podIps = runningPodIps();
        assertThat(podIps).hasSize(3);
        assertThat(podIps).contains(albHop.target().ip());

        PodResponded pod = (PodResponded) j.hops().get(5).payload();
        assertThat(pod.podIp()).isEqualTo(albHop.target().ip());
        assertThat(pod.containerPort()).isEqualTo(80);
        assertThat(pod.status()).isEqualTo(200);
        assertThat(scenario.kubernetes().stream().filter(Node.class::isInstance).map(o -> ((Node) o).name()))
                .contains(pod.node());
    }

    /** Second: that journey, and one to a name that does not exist, as pcapng files (./packet-journey pcap) and traces. */
    @Test
    @Order(2)
    void theJourneysOpenInWiresharkAndAsOtlpTraces() throws Exception {
        assertThat(first).as("the first journey").isNotNull();
        Path dir = Files.createDirectories(Path.of("target/e2e-pcaps"));
        Path completed = dir.resolve(first.journeyId() + ".pcapng");
        assertThat(new PcapCommand(state.urlOf("journey-log"), System.out).run(first.journeyId(), completed.toString()))
                .isZero();
        // a name of its own, so that no negative cache answers it: the resolver asks the authoritative server
        String missing = client.send("https://e2e-" + UUID.randomUUID() + ".packet-journey.com/", null, null,
                "e2e-" + UUID.randomUUID());
        JourneyView nxdomain = client.awaitEnd(missing, Duration.ofSeconds(60)).orElseThrow();
        assertThat(nxdomain.failureCode()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        Path failed = dir.resolve(missing + ".pcapng");
        new PcapCommand(state.urlOf("journey-log"), System.out).run(missing, failed.toString());

        if (Tshark.installed()) {
            assertThat(Tshark.problems(completed)).isEmpty();
            Tshark.summary(completed).forEach(System.out::println);
            List<Tshark.Packet> packets = Tshark.packets(completed, "dhcp.option.dhcp", "dns.qry.name",
                    "tcp.flags.syn", "tls.handshake.extensions_server_name", "http.response.code");
            assertThat(packets.stream().flatMap(p -> p.values("dhcp.option.dhcp").stream()))
                    .containsExactly("1", "2", "3", "5");
            assertThat(packets.stream().flatMap(p -> p.values("dns.qry.name").stream())).contains("packet-journey.com");
            assertThat(packets.stream().filter(p -> p.is("tcp.flags.syn"))).hasSize(4);
            assertThat(packets.stream().flatMap(p -> p.values("tls.handshake.extensions_server_name").stream()))
                    .containsOnly("packet-journey.com");
            assertThat(packets.stream().flatMap(p -> p.values("http.response.code").stream())).containsExactly("200");

            assertThat(Tshark.problems(failed)).isEmpty();
            assertThat(Tshark.packets(failed, "dns.flags.response", "dns.flags.rcode").stream()
                    .filter(p -> p.is("dns.flags.response")).map(p -> p.value("dns.flags.rcode"))).containsOnly("3");
        }

        HttpResponse<String> trace = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                state.urlOf("journey-log") + "/journeys/" + first.journeyId() + "/trace")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(trace.statusCode()).isEqualTo(200);
        JsonNode otlp = Json.read(trace.body(), JsonNode.class);
        List<String> services = new ArrayList<>();
        otlp.get("resourceSpans").forEach(r -> r.get("resource").get("attributes").forEach(a -> {
            if (a.get("key").asText().equals("service.name")) {
                services.add(a.get("value").get("stringValue").asText());
            }
        }));
        assertThat(services).containsExactlyElementsOf(first.hops().stream().map(HopEvent::service).toList());
    }

    @Test
    void aSecondRequestWithinTheLeaseNeedsNoDhcpTraffic() {
        String first = client.send(URL, null, null, "e2e-" + UUID.randomUUID());
        assertThat(client.awaitEnd(first, Duration.ofSeconds(60)).orElseThrow().status()).isEqualTo(JourneyStatus.COMPLETED);
        String second = client.send(URL, null, null, "e2e-" + UUID.randomUUID());
        JourneyView j = client.awaitEnd(second, Duration.ofSeconds(60)).orElseThrow();
        assertThat(j.status()).isEqualTo(JourneyStatus.COMPLETED);
        DhcpConfigured dhcp = (DhcpConfigured) j.hops().get(1).payload();
        assertThat(dhcp.mode()).isEqualTo(DhcpConfigured.MODE_LEASE_VALID);
        assertThat(dhcp.exchange()).isEmpty();
        assertThat(j.hops().get(1).simLatencyMicros()).isZero();
    }

    @Test
    void aDuplicateDeliveryDoesNotAddAHop() {
        String id = client.send(URL, null, null, "e2e-" + UUID.randomUUID());
        JourneyView before = client.awaitEnd(id, Duration.ofSeconds(60)).orElseThrow();
        HopEvent last = before.hops().get(before.hops().size() - 1);
        TopicProbe.send(last.hopType().topic(), id, Json.write(last));
        E2e.sleep(1000);
        JourneyView after = client.journey(id).orElseThrow();
        assertThat(after.hops()).hasSameSizeAs(before.hops());
        assertThat(after.hops()).extracting(HopEvent::eventId)
                .containsExactlyElementsOf(before.hops().stream().map(HopEvent::eventId).toList());
    }

    @Test
    void aMalformedUrlIsRejectedWithAProblemNamingTheField() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(state.urlOf("laptop") + "/journeys"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"ftp://packet-journey.com/\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(Json.read(r.body(), JsonNode.class).path("field").asText()).isEqualTo("url");
    }

    private static List<String> runningPodIps() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(state.urlOf("k8s-api") + "/api/v1/pods")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> ips = new ArrayList<>();
        for (JsonNode pod : podsOf(Json.read(r.body(), JsonNode.class))) {
            if (pod.hasNonNull("podIp") && "Running".equals(pod.path("phase").asText())) {
                ips.add(pod.get("podIp").asText());
            }
        }
        return ips;
    }

    /** Accepts a bare list of pods or a Kubernetes-style list with "items". */
    private static JsonNode podsOf(JsonNode body) {
        return body.has("items") ? body.get("items") : body;
    }
}

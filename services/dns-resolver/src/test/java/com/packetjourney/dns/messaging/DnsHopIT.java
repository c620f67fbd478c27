package com.packetjourney.dns.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.DnsResolved.CacheFill;
import com.packetjourney.contracts.hop.DnsResolved.CacheLookup;
import com.packetjourney.contracts.hop.DnsResolved.DnsStep;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.dns.domain.QueryPath;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The DNS hop through a real broker, with the zones of scenarios/eks-nginx.yaml (shared by every test: they are
 * the scenario's own values) and a LAN and laptop of its own.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DnsHopIT {
    private static final String ALB_NAME = "k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb.amazonaws.com.";

    private static List<DnsZone> scenarioZones() throws IOException {
        JsonNode scenario = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../scenarios/eks-nginx.yaml").toFile());
        return Arrays.asList(Json.mapper().convertValue(scenario.get("dnsZones"), DnsZone[].class));
    }

    private static void publishZones(List<DnsZone> zones) {
        zones.forEach(z -> TopicProbe.send(Topics.WORLD_DNS_ZONES, z.origin(), Json.write(z)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/zones").then().statusCode(200)
                .body("$", hasItems(".", "com.", "org.", "awsdns-01.org.", "packet-journey.com.", "amazonaws.com.")));
    }

    @Test
    void theLaptopsNameIsResolvedFromTheRootToTheAlbsAddressesThroughRoute53sAlias() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String lanId = "lan-" + suffix;
        String client = "laptop-" + suffix;
        long linkLatency = 700;
        TopicProbe.send(Topics.WORLD_LANS, lanId, Json.write(new LanSegment(lanId, "10.9.0.0/24", "r", "10.9.0.1",
                "198.51.100.9", 64500, "10.9.0.50", "10.9.0.60", 600, List.of("10.9.0.1"), "198.51.100.53",
                linkLatency)));
        TopicProbe.send(Topics.WORLD_CLIENTS, client, Json.write(new ClientDevice(client, "02:00:00:00:00:02", lanId)));
        List<DnsZone> zones = scenarioZones();
        publishZones(zones);

        String badKey = "bad-" + suffix;
        TopicProbe.send(Topics.DHCP, badKey, "{this is not an event");

        String journeyId = "j-" + suffix;
        JourneyContext request = JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com",
                443, "/", client, "02:00:00:00:00:02");
        HopEvent requested = HopEvent.first(journeyId, Instant.parse("2026-01-01T09:00:00Z"), 100, Instant.now(),
                Outcome.ok(), request, new JourneyRequested("https://packet-journey.com/", "GET", client,
                        "02:00:00:00:00:02"));
        HopEvent dhcp = requested.next(2800, Instant.now(), Outcome.ok(),
                request.withLease("10.9.0.50", "10.9.0.1", "10.9.0.1"),
                new DhcpConfigured("10.9.0.1", DhcpConfigured.MODE_FULL_EXCHANGE, List.of(), null, List.of()));
        TopicProbe.send(Topics.DHCP, journeyId, Json.write(dhcp));

        ConsumerRecord<String, String> out = TopicProbe.awaitRecord(Topics.DNS, journeyId, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no DNS hop for " + journeyId));
        HopEvent dns = Json.read(out.value(), HopEvent.class);
        assertThat(dns.hopType()).isEqualTo(HopType.DNS_RESOLVED);
        assertThat(dns.service()).isEqualTo("dns-resolver");
        assertThat(dns.causationId()).isEqualTo(dhcp.eventId());
        assertThat(dns.simStartedAt()).isEqualTo(dhcp.simEndedAt());
        assertThat(dns.outcome().isOk()).isTrue();

        Map<String, Long> rtt = zones.stream().collect(Collectors.toMap(DnsZone::origin,
                z -> z.servers().get(0).rttMicros()));
        // root, com., then ns-1.awsdns-01.org.'s address (root, org., awsdns-01.org.), then packet-journey.com.
        long queries = rtt.get(".") + rtt.get("com.") + rtt.get(".") + rtt.get("org.") + rtt.get("awsdns-01.org.")
                + rtt.get("packet-journey.com.");
        assertThat(dns.simLatencyMicros()).isEqualTo(2 * linkLatency + QueryPath.ROUTER_TO_RESOLVER_RTT_MICROS + queries);

        DnsResolved payload = (DnsResolved) dns.payload();
        assertThat(payload.question()).isEqualTo("packet-journey.com. IN A");
        assertThat(payload.answeredBy()).isEqualTo("iterative");
        assertThat(payload.cacheLookups()).extracting(CacheLookup::result).containsExactly("MISS", "MISS", "MISS", "MISS");
        assertThat(payload.steps()).allSatisfy(s -> assertThat(s.queryWire()).isNotBlank());
        assertThat(payload.steps()).extracting(DnsStep::kind)
                .containsExactly("REFERRAL", "REFERRAL", "REFERRAL", "REFERRAL", "ANSWER", "ANSWER");
        assertThat(payload.steps()).extracting(DnsStep::zone)
                .containsExactly(".", "com.", ".", "org.", "awsdns-01.org.", "packet-journey.com.");
        assertThat(payload.steps()).extracting(DnsStep::serverIp).containsExactly("198.41.0.4", "192.5.6.30",
                "198.41.0.4", "199.19.56.1", "205.251.192.1", "205.251.192.1");
        assertThat(payload.steps()).extracting(DnsStep::forNameServer).containsExactly(null, null,
                "ns-1.awsdns-01.org.", "ns-1.awsdns-01.org.", "ns-1.awsdns-01.org.", null);
        assertThat(payload.steps().get(5).response()).contains("flags: qr aa").contains("54.217.10.21")
                .doesNotContain("CNAME");
        assertThat(payload.cnameChain()).isEmpty();
        assertThat(payload.addresses()).containsExactly("54.217.10.21", "54.217.40.22");
        assertThat(payload.address()).isIn("54.217.10.21", "54.217.40.22");
        assertThat(payload.ttlSeconds()).isEqualTo(60);
        assertThat(dns.context().serverIp()).isEqualTo(payload.address());
        assertThat(dns.context().clientIp()).isEqualTo("10.9.0.50");

        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(Topics.deadLetter("dns-resolver"), badKey,
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("unreadable record not dead-lettered"));
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("HopEvent");
    }

    /** The DHCP hop of a journey of {@code client} whose DNS hop starts at {@code at}. */
    private static HopEvent dhcpHop(String journeyId, String client, Instant at) {
        JourneyContext request = JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com",
                443, "/", client, "02:00:00:00:00:03");
        HopEvent requested = HopEvent.first(journeyId, at, 0, Instant.now(), Outcome.ok(), request,
                new JourneyRequested("https://packet-journey.com/", "GET", client, "02:00:00:00:00:03"));
        return requested.next(0, Instant.now(), Outcome.ok(), request.withLease("10.8.0.50", "10.8.0.1", "10.8.0.1"),
                new DhcpConfigured("10.8.0.1", DhcpConfigured.MODE_LEASE_VALID, List.of(), null, List.of()));
    }

    private static HopEvent journey(String journeyId, String client, Instant at) {
        TopicProbe.send(Topics.DHCP, journeyId, Json.write(dhcpHop(journeyId, client, at)));
        ConsumerRecord<String, String> out = TopicProbe.awaitRecord(Topics.DNS, journeyId, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no DNS hop for " + journeyId));
        return Json.read(out.value(), HopEvent.class);
    }

    @Test
    void laterJourneysOfOneClientAreAnsweredByItsCachesOnTheSimulatedClock() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String lanId = "lan-" + suffix;
        String client = "laptop-" + suffix;
        long linkLatency = 700;
        // A resolver address of its own, so no other test warms this resolver's cache.
        TopicProbe.send(Topics.WORLD_LANS, lanId, Json.write(new LanSegment(lanId, "10.8.0.0/24", "r", "10.8.0.1",
                "198.51.100.8", 64500, "10.8.0.50", "10.8.0.60", 600, List.of("10.8.0.1"), "198.51.100.54",
                linkLatency)));
        TopicProbe.send(Topics.WORLD_CLIENTS, client, Json.write(new ClientDevice(client, "02:00:00:00:00:03", lanId)));
        publishZones(scenarioZones());
        Instant t = Instant.parse("2026-01-01T09:00:00Z");

        HopEvent first = journey("j1-" + suffix, client, t);
        DnsResolved cold = (DnsResolved) first.payload();
        assertThat(cold.answeredBy()).isEqualTo("iterative");
        assertThat(cold.steps()).hasSize(6);
        long firstLatency = 2 * linkLatency + QueryPath.ROUTER_TO_RESOLVER_RTT_MICROS
                + 12000 + 18000 + 12000 + 15000 + 9000 + 9000;
        assertThat(first.simLatencyMicros()).isEqualTo(firstLatency);
        assertThat(cold.cacheFills()).extracting(CacheFill::level).containsSequence("router", "os", "browser");

        // 10 s later the browser answers; it stored the 60 s answer 67.4 ms after t
        HopEvent second = journey("j2-" + suffix, client, t.plusSeconds(10));
        DnsResolved browser = (DnsResolved) second.payload();
        assertThat(browser.answeredBy()).isEqualTo("browser-cache");
        assertThat(browser.ttlSeconds()).isEqualTo(50);
        assertThat(browser.cacheLookups()).containsExactly(new CacheLookup("browser", "HIT", 50L));
        assertThat(browser.steps()).isEmpty();
        assertThat(second.simLatencyMicros()).isZero();
        assertThat(browser.address()).isIn("54.217.10.21", "54.217.40.22");
        assertThat(second.context().serverIp()).isEqualTo(browser.address());

        // 2 min later every answer has expired, but the resolver still holds the packet-journey.com. cut and its
        // server's address: one query, straight to Route 53
        HopEvent third = journey("j3-" + suffix, client, t.plusSeconds(120));
        DnsResolved partial = (DnsResolved) third.payload();
        assertThat(partial.answeredBy()).isEqualTo("iterative");
        assertThat(partial.cacheLookups()).extracting(CacheLookup::level, CacheLookup::result,
                CacheLookup::ttlRemainingSeconds).containsExactly(tuple("browser", "EXPIRED", -59L),
                tuple("os", "EXPIRED", -59L), tuple("router", "EXPIRED", -59L), tuple("resolver", "EXPIRED", -59L));
        assertThat(partial.steps()).extracting(DnsStep::kind, DnsStep::serverIp, DnsStep::zone)
                .containsExactly(tuple("ANSWER", "205.251.192.1", "packet-journey.com."));
        assertThat(partial.cnameChain()).isEmpty();
        assertThat(partial.ttlSeconds()).isEqualTo(60);
        assertThat(third.simLatencyMicros()).isEqualTo(2 * linkLatency + QueryPath.ROUTER_TO_RESOLVER_RTT_MICROS + 9000);

        // the caches as they stand, and a flush of this laptop's browser cache through the world
        given().queryParam("at", "2026-01-01T09:02:05Z").get("/caches").then().statusCode(200)
                .body("findAll { it.cache == '" + client + "' }.level", hasItems("browser", "os"));
        given().queryParam("level", "browser").queryParam("client", client).queryParam("at", "2026-01-01T09:02:05Z")
                .post("/caches/flush").then().statusCode(200)
                .body("level", equalTo("browser")).body("client", equalTo(client));
        assertThat(TopicProbe.awaitRecords(Topics.WORLD_DNS_CACHE_FLUSHES, r -> r.key().contains(client), 1,
                Duration.ofSeconds(30))).isNotEmpty();
        HopEvent fourth = journey("j4-" + suffix, client, t.plusSeconds(130));
        DnsResolved os = (DnsResolved) fourth.payload();
        assertThat(os.answeredBy()).isEqualTo("os-cache");
        assertThat(os.cacheLookups()).containsExactly(new CacheLookup("browser", "MISS", null),
                new CacheLookup("os", "HIT", 50L));
        assertThat(fourth.simLatencyMicros()).isEqualTo(QueryPath.OS_CACHE_MICROS);

        given().queryParam("level", "everything").post("/caches/flush").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("level"));
        given().queryParam("level", "browser").queryParam("lan", lanId).post("/caches/flush").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("lan"));
        given().queryParam("level", "os").queryParam("client", "nobody-" + suffix).post("/caches/flush").then()
                .statusCode(400).body("field", equalTo("client"));
        given().queryParam("level", "resolver").queryParam("resolver", "not-an-ip").post("/caches/flush").then()
                .statusCode(400).body("field", equalTo("resolver"));
        given().queryParam("level", "all").queryParam("at", "yesterday").post("/caches/flush").then()
                .statusCode(400).body("field", equalTo("at"));
    }

    @Test
    void zoneEditsGoThroughTheWorldAndBadOnesAreProblemsNamingTheField() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String origin = "z" + suffix + ".test.";
        DnsZone zone = new DnsZone(origin, List.of(new DnsZone.NameServer("ns." + origin, "192.0.2.201", 1000)),
                "$TTL 300\n@ IN SOA ns admin 1 7200 900 1209600 300\n@ IN NS ns\nns IN A 192.0.2.201\n");
        TopicProbe.send(Topics.WORLD_DNS_ZONES, origin, Json.write(zone));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/zones/" + origin).then()
                .statusCode(200));

        given().contentType("application/json")
                .body("{\"name\":\"www." + origin + "\",\"type\":\"A\",\"ttl\":300,\"values\":[\"1.2.3.4\"]}")
                .put("/zones/" + origin + "/records").then().statusCode(200)
                .body("origin", equalTo(origin))
                .body("servers[0].ip", equalTo("192.0.2.201"))
                .body("masterFile", containsString("www." + origin + " 300 IN A 1.2.3.4"));
        given().get("/zones/" + origin).then().statusCode(200)
                .body("masterFile", containsString("www." + origin + " 300 IN A 1.2.3.4"));
        assertThat(TopicProbe.awaitRecords(Topics.WORLD_DNS_ZONES, r -> origin.equals(r.key())
                && r.value().contains("1.2.3.4"), 1, Duration.ofSeconds(30))).isNotEmpty();

        problem(given().contentType("application/json")
                .body("{\"name\":\"www\",\"type\":\"AAAAA\",\"ttl\":300,\"values\":[\"1.2.3.4\"]}")
                .put("/zones/" + origin + "/records"), 400, "type");
        problem(given().contentType("application/json")
                .body("{\"name\":\"www.elsewhere.org.\",\"type\":\"A\",\"ttl\":300,\"values\":[\"1.2.3.4\"]}")
                .put("/zones/" + origin + "/records"), 400, "name");
        problem(given().contentType("application/json")
                .body("{\"name\":\"www\",\"type\":\"A\",\"ttl\":300,\"values\":[\"1.2.3\"]}")
                .put("/zones/" + origin + "/records"), 400, "values");
        problem(given().contentType("application/json")
                .body("{\"name\":\"www\",\"type\":\"A\",\"ttl\":\"soon\",\"values\":[\"1.2.3.4\"]}")
                .put("/zones/" + origin + "/records"), 400, "ttl");
        problem(given().contentType("application/json")
                .body("{\"name\":\"www\",\"type\":\"A\",\"ttl\":300,\"values\":[\"1.2.3.4\"]}")
                .put("/zones/nowhere-" + suffix + ".test./records"), 404, "origin");

        given().delete("/zones/" + origin + "/records/www/A").then().statusCode(200)
                .body("masterFile", not(containsString("1.2.3.4")));
        problem(given().delete("/zones/" + origin + "/records/www/A"), 404, "name");
    }

    private static void problem(io.restassured.response.Response response, int status, String field) {
        response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status)).body("field", equalTo(field));
    }

    @Test
    void restTracesAResolutionAndRejectsABadName() throws IOException {
        publishZones(scenarioZones());

        given().queryParam("name", "packet-journey.com").get("/resolve").then().statusCode(200)
                .body("outcome.status", equalTo("OK"))
                .body("resolution.steps.kind", equalTo(List.of("REFERRAL", "REFERRAL", "REFERRAL", "REFERRAL",
                        "ANSWER", "ANSWER")))
                .body("resolution.cnameChain", equalTo(List.of()));
        given().queryParam("name", "www.packet-journey.com").get("/resolve").then().statusCode(200)
                .body("outcome.status", equalTo("OK"))
                .body("resolution.cnameChain[1]", equalTo(ALB_NAME));
        given().queryParam("name", "no-such-site.com").get("/resolve").then().statusCode(200)
                .body("outcome.code", equalTo("DNS_NXDOMAIN"));

        given().get("/resolve").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("field", equalTo("name"));
        given().queryParam("name", "bad..name").get("/resolve").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("field", equalTo("name"))
                .body("detail", startsWith("'bad..name' is not a domain name"));
    }
}

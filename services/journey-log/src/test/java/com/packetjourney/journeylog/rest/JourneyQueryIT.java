package com.packetjourney.journeylog.rest;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.journeylog.domain.JourneyFixtures;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

/** The query API over journeys on the real broker: filters, pages, statistics, the live stream, the viewer. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class JourneyQueryIT {
    @TestHTTPResource("/")
    URL root;

    /** Three completed and two failed journeys of a client of their own, begun one second apart. */
    private static String publishFiveJourneys() {
        String client = "it-" + UUID.randomUUID();
        Instant wall = Instant.now();
        for (int i = 0; i < 5; i++) {
            String id = client + "-" + i;
            List<HopEvent> hops = i < 3 ? JourneyFixtures.completed(id, wall.plusSeconds(i), client)
                    : JourneyFixtures.failedAtDns(id, wall.plusSeconds(i), client);
            hops.forEach(e -> TopicProbe.send(e.hopType().topic(), e.journeyId(), Json.write(e)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = given().get("/journeys?client=" + client + "&status=COMPLETED");
            return "3".equals(r.header(JourneyResource.TOTAL_COUNT));
        });
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "5".equals(given().get("/journeys?client=" + client).header(JourneyResource.TOTAL_COUNT)));
        return client;
    }

    @Test
    void filtersByOutcomeFailingHopCodeClientDomainAndSimulatedTime() {
        String client = publishFiveJourneys();
        String q = "/journeys?client=" + client;

        given().get(q).then().statusCode(200).body("journeyId",
                equalTo(List.of(client + "-4", client + "-3", client + "-2", client + "-1", client + "-0")));
        given().get(q + "&status=failed").then().body("journeyId", equalTo(List.of(client + "-4", client + "-3")))
                .body("status", everyItem(equalTo("FAILED")))
                .body("failureExplanation", everyItem(containsString("does not exist")));
        assertCount(q + "&failingHop=dns.resolved", 2);
        assertCount(q + "&failingHop=DNS_RESOLVED", 2);
        assertCount(q + "&failingHop=alb.forwarded", 0);
        assertCount(q + "&failureCode=DNS_NXDOMAIN", 2);
        assertCount(q + "&domain=packet-journey.com", 5);
        assertCount(q + "&domain=example.org", 0);
        assertCount(q + "&from=2026-01-01T09:00:00Z&to=2026-01-01T09:00:01Z", 5);
        assertCount(q + "&from=2026-01-01T09:00:00.000001Z", 0);
        assertCount("/journeys?client=nobody-" + UUID.randomUUID(), 0);
    }

    @Test
    void pagesCarryTheTotalAndLinksToTheNextAndPreviousPage() {
        String client = publishFiveJourneys();
        Response first = given().get("/journeys?client=" + client + "&limit=2");
        first.then().statusCode(200).body("size()", equalTo(2)).header(JourneyResource.TOTAL_COUNT, "5")
                .header("Link", containsString("offset=2"))
                .header("Link", containsString("rel=\"next\""));
        assertThat(first.header("Link")).doesNotContain("rel=\"prev\"");

        Response last = given().get("/journeys?client=" + client + "&limit=2&offset=4");
        last.then().statusCode(200).body("journeyId", equalTo(List.of(client + "-0")))
                .header("Link", containsString("rel=\"prev\""));
        assertThat(last.header("Link")).doesNotContain("rel=\"next\"");
    }

    @Test
    void statisticsCountOutcomesAndSummariseLatencies() {
        String client = publishFiveJourneys();
        long total = JourneyFixtures.totalLatency(JourneyFixtures.completed("x", Instant.now()));
        given().get("/journeys/stats?client=" + client).then().statusCode(200)
                .body("journeys", equalTo(5))
                .body("byOutcome.COMPLETED", equalTo(3))
                .body("byOutcome.FAILED", equalTo(2))
                .body("byOutcome.STALLED", equalTo(0))
                .body("byFailingHop.'dns.resolved'", equalTo(2))
                .body("byFailureCode.DNS_NXDOMAIN", equalTo(2))
                .body("endToEndMicros.count", equalTo(3))
                .body("endToEndMicros.p50", equalTo((int) total))
                .body("endToEndMicros.p99", equalTo((int) total))
                .body("hopLatencyMicros.'dns.resolved'.count", equalTo(5))
                .body("hopLatencyMicros.'alb.forwarded'.p90", equalTo(4_200));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        assertBadRequest("/journeys?status=LOST", "status");
        assertBadRequest("/journeys?failingHop=nowhere", "failingHop");
        assertBadRequest("/journeys?failureCode=OOPS", "failureCode");
        assertBadRequest("/journeys?from=yesterday", "from");
        assertBadRequest("/journeys?to=2026-13-01T00:00:00Z", "to");
        assertBadRequest("/journeys?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to");
        assertBadRequest("/journeys?offset=-1", "offset");
        assertBadRequest("/journeys?offset=first", "offset");
        assertBadRequest("/journeys/stats?status=LOST", "status");
        assertBadRequest("/journeys/stream?failingHop=nowhere", "failingHop");
    }

    @Test
    void theStreamSendsReadyThenEachChangeOfAMatchingJourney() throws Exception {
        String client = "it-" + UUID.randomUUID();
        String id = client + "-live";
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(root + "journeys/stream?client=" + client)).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (UncheckedIOException e) {
                // the test closed the stream: reading ends there
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            awaitLine(lines, "event:ready");
            JourneyFixtures.completed(id, Instant.now(), client)
                    .forEach(e -> TopicProbe.send(e.hopType().topic(), e.journeyId(), Json.write(e)));
            JourneyFixtures.completed(id + "-other-client", Instant.now())
                    .forEach(e -> TopicProbe.send(e.hopType().topic(), e.journeyId(), Json.write(e)));

            List<String> data = new ArrayList<>();
            while (data.isEmpty() || !data.get(data.size() - 1).contains("\"hopCount\":6")) {
                String line = awaitLine(lines, "data:{");
                data.add(line);
            }
            assertThat(data).allSatisfy(d -> assertThat(d).contains("\"journeyId\":\"" + id + "\""));
            assertThat(data.get(data.size() - 1)).contains("\"status\":\"COMPLETED\"");
        } finally {
            response.body().close();
        }
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.replace(": ", ":").startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " on the stream within 30 s");
    }

    @Test
    void failureCodesComeWithTheirHopAndExplanation() {
        given().get("/failure-codes").then().statusCode(200)
                .body("find { it.code == 'ALB_NO_HEALTHY_TARGET' }.hop", equalTo("alb.forwarded"))
                .body("find { it.code == 'ALB_NO_HEALTHY_TARGET' }.explanation", containsString("no healthy"))
                .body("size()", equalTo(com.packetjourney.contracts.FailureCode.values().length));
    }

    @Test
    void theOpenApiDocumentDescribesTheQueryApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/journeys"))
                .body("paths", hasKey("/journeys/{id}"))
                .body("paths", hasKey("/journeys/stats"))
                .body("paths", hasKey("/journeys/stream"))
                .body("paths", hasKey("/failure-codes"))
                .body("paths.'/journeys'.get.parameters.name", hasItem("failingHop"));
    }

    @Test
    void theViewerIsServedAtTheRoot() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("journey log"));
        given().get("/viewer.js").then().statusCode(200).body(containsString("journeys/stream"));
        given().get("/viewer.css").then().statusCode(200);
    }

    @Test
    void theReadModelTellsWhatItOwnsAndHasRead() {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                given().get("/read-model").jsonPath().getList("ownedPartitions").size() == 3);
        given().get("/read-model").then().statusCode(200)
                .body("snapshotTopic", equalTo("pj.journeylog.snapshots"))
                .body("ownedPartitions", equalTo(List.of(0, 1, 2)));
    }

    private static void assertCount(String path, int count) {
        given().get(path).then().statusCode(200).header(JourneyResource.TOTAL_COUNT, String.valueOf(count))
                .body("size()", equalTo(count));
    }

    private static void assertBadRequest(String path, String field) {
        given().get(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo(field));
    }
}

package com.packetjourney.laptop.rest;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** POST /journeys through a real broker: the world from its topics, the first hop event out, bad input refused. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class JourneyResourceIT {
    /** The shared simulation record, as scenarios/eks-nginx.yaml publishes it. */
    private static final Simulation SIMULATION = new Simulation("eks-nginx", 20230904,
            Instant.parse("2026-01-01T09:00:00Z"));

    @Test
    void aValidRequestIsAcceptedAndBecomesTheJourneysFirstEvent() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String client = "laptop-" + suffix;
        String mac = "02:00:5e:" + suffix.substring(0, 2) + ":" + suffix.substring(2, 4) + ":" + suffix.substring(4, 6);
        String journeyId = "j-" + suffix;
        TopicProbe.send(Topics.WORLD_SIMULATION, Simulation.KEY, Json.write(SIMULATION));
        TopicProbe.send(Topics.WORLD_CLIENTS, client, Json.write(new ClientDevice(client, mac, "home")));
        String body = "{\"url\":\"https://packet-journey.com/\",\"client\":\"" + client + "\",\"journeyId\":\""
                + journeyId + "\"}";

        // the world records were sent after start, so the laptop learns of them a moment later
        ExtractableResponse<Response> accepted = await().atMost(Duration.ofSeconds(30))
                .until(() -> given().contentType(ContentType.JSON).body(body).post("/journeys").then().extract(),
                        r -> r.statusCode() == 202);
        assertThat(accepted.header("Location")).isEqualTo("/journeys/" + journeyId);
        assertThat(accepted.contentType()).startsWith("application/json");
        assertThat(accepted.jsonPath().getString("journeyId")).isEqualTo(journeyId);
        assertThat(accepted.jsonPath().getString("url")).isEqualTo("https://packet-journey.com/");
        assertThat(accepted.jsonPath().getString("simStartedAt")).isEqualTo("2026-01-01T09:00:00Z");

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.JOURNEY_REQUESTED, journeyId,
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no journey.requested for " + journeyId));
        HopEvent event = Json.read(record.value(), HopEvent.class);
        assertThat(event.journeyId()).isEqualTo(journeyId);
        assertThat(event.hopType()).isEqualTo(HopType.JOURNEY_REQUESTED);
        assertThat(event.hop()).isZero();
        assertThat(event.service()).isEqualTo("laptop");
        assertThat(event.causationId()).isNull();
        assertThat(event.simStartedAt()).isEqualTo(SIMULATION.epoch());
        assertThat(event.simLatencyMicros()).isZero();
        assertThat(event.wallTime()).isNotNull();
        assertThat(event.outcome().isOk()).isTrue();
        assertThat(event.context().url()).isEqualTo("https://packet-journey.com/");
        assertThat(event.context().scheme()).isEqualTo("https");
        assertThat(event.context().host()).isEqualTo("packet-journey.com");
        assertThat(event.context().port()).isEqualTo(443);
        assertThat(event.context().path()).isEqualTo("/");
        assertThat(event.context().client()).isEqualTo(client);
        assertThat(event.context().clientMac()).isEqualTo(mac);
        assertThat(event.payload()).isEqualTo(new JourneyRequested("https://packet-journey.com/", "GET", client, mac));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertProblem("{\"url\":\"ftp://packet-journey.com/\"}", "url", "ftp");
        assertProblem("{\"url\":\"/index.html\"}", "url", "absolute");
        assertProblem("{\"url\":\"\"}", "url", "required");
        assertProblem("", "url", "required");
        assertProblem("{\"url\":\"https://packet-journey.com/\",\"journeyId\":\"no spaces\"}", "journeyId", "must match");
        assertProblem("{\"url\":\"https://packet-journey.com/\",\"at\":\"yesterday\"}", "at", "ISO-8601");
        assertProblem("{\"url\":\"https://packet-journey.com/\",\"client\":\"nobody-" + UUID.randomUUID() + "\"}",
                "client", "no device");
        assertProblem("{\"url\":{\"host\":\"packet-journey.com\"}}", "url", "expected shape");
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemToo() {
        given().contentType(ContentType.JSON).body("{this is not json").post("/journeys").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"));
    }

    private static void assertProblem(String body, String field, String detailPart) {
        given().contentType(ContentType.JSON).body(body).post("/journeys").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body("detail", containsString(detailPart));
    }
}

package com.packetjourney.laptop.rest;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Each device's simulated clock through a real broker: moved by the journeys it starts, and read from their log. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SimulatedClockIT {
    private static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");

    private static String device() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String client = "clock-" + suffix;
        TopicProbe.send(Topics.WORLD_SIMULATION, Simulation.KEY,
                Json.write(new Simulation("eks-nginx", 20230904, EPOCH)));
        TopicProbe.send(Topics.WORLD_CLIENTS, client, Json.write(new ClientDevice(client,
                "02:00:5e:" + suffix.substring(0, 2) + ":" + suffix.substring(2, 4) + ":" + suffix.substring(4, 6),
                "home")));
        await().atMost(Duration.ofSeconds(30)).until(() -> post("{\"url\":\"https://packet-journey.com/\",\"client\":\""
                + client + "\",\"at\":\"2026-01-01T08:00:00Z\"}").statusCode() == 202);
        return client;
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/journeys");
    }

    private static String startOf(String client, String timing) {
        return post("{\"url\":\"https://packet-journey.com/\",\"client\":\"" + client + "\"" + timing + "}").then()
                .statusCode(202).extract().jsonPath().getString("simStartedAt");
    }

    @Test
    void aJourneyWithoutAtOrAfterStartsOneSecondAfterTheDevicesLastOne() {
        String client = device();
        // the journey device() sent to learn the device was at 08:00, so that is the clock now
        assertThat(startOf(client, "")).isEqualTo("2026-01-01T08:00:01Z");
        assertThat(startOf(client, ",\"after\":\"10m\"")).isEqualTo("2026-01-01T08:10:01Z");
        assertThat(startOf(client, "")).isEqualTo("2026-01-01T08:10:02Z");
        assertThat(startOf(client, ",\"after\":\"PT1H\"")).isEqualTo("2026-01-01T09:10:02Z");
    }

    @Test
    void theClockIsReadFromTheJourneyRequestedLog() {
        String client = device();
        String mac = "02:00:00:00:00:99";
        Instant noon = Instant.parse("2026-01-01T12:00:00Z");
        HopEvent elsewhere = HopEvent.first("clock-" + UUID.randomUUID(), noon, 0, Instant.now(), Outcome.ok(),
                JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com", 443, "/", client,
                        mac),
                new JourneyRequested("https://packet-journey.com/", "GET", client, mac));
        TopicProbe.send(Topics.JOURNEY_REQUESTED, elsewhere.journeyId(), Json.write(elsewhere));
        await().atMost(Duration.ofSeconds(30)).until(() -> startOf(client, "").equals("2026-01-01T12:00:01Z"));
    }

    @Test
    void atAndAfterTogetherOrAMalformedDelayAreProblemsNamingAfter() {
        post("{\"url\":\"https://packet-journey.com/\",\"at\":\"2026-01-01T09:00:00Z\",\"after\":\"10m\"}").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("after")).body("detail", containsString("not both"));
        post("{\"url\":\"https://packet-journey.com/\",\"after\":\"soon\"}").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("after")).body("detail", containsString("not a duration"));
        post("{\"url\":\"https://packet-journey.com/\",\"after\":[\"10m\"]}").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("after"));
    }
}

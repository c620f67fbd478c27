package com.packetjourney.journeylog.rest;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.journeylog.domain.JourneyFixtures;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Journeys rebuilt from hop events published on the real broker, out of order, duplicated and among bad records. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class JourneyLogIT {

    @Test
    void aCompletedJourneyShowsEachHopOnceAndInOrder() {
        String journeyId = "j-" + UUID.randomUUID();
        List<HopEvent> hops = JourneyFixtures.completed(journeyId, Instant.now());
        TopicProbe.send(Topics.DNS, journeyId, "{not a hop event");
        publish(hops, 4, 1, 5, 0, 3, 2, 3);

        JourneyView view = awaitHops(journeyId, hops.size());
        assertThat(view.hops()).containsExactlyElementsOf(hops);
        assertThat(view.status()).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(view.simTotalMicros()).isEqualTo(JourneyFixtures.totalLatency(hops));
        assertThat(view.simStartedAt()).isEqualTo(JourneyFixtures.EPOCH);
        assertThat(view.url()).isEqualTo(JourneyFixtures.URL);
        assertThat(view.client()).isEqualTo("laptop");
        assertThat(view.lastHop()).isEqualTo("pod.responded");
        assertThat(view.httpStatus()).isEqualTo(200);
        assertThat(view.failureCode()).isNull();

        given().get("/journeys?status=COMPLETED&limit=1000").then().statusCode(200)
                .body("journeyId", hasItem(journeyId))
                .body("find { it.journeyId == '" + journeyId + "' }.hopCount", equalTo(6))
                .body("find { it.journeyId == '" + journeyId + "' }.hops", equalTo(null));
    }

    @Test
    void aFailedJourneyNamesTheHopAndTheCode() {
        String journeyId = "j-" + UUID.randomUUID();
        List<HopEvent> hops = JourneyFixtures.failedAtDns(journeyId, Instant.now());
        publish(hops, 2, 0, 2, 1);

        JourneyView view = awaitHops(journeyId, hops.size());
        assertThat(view.hops()).containsExactlyElementsOf(hops);
        assertThat(view.status()).isEqualTo(JourneyStatus.FAILED);
        assertThat(view.failedHop()).isEqualTo("dns.resolved");
        assertThat(view.failureCode()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(view.simTotalMicros()).isEqualTo(JourneyFixtures.totalLatency(hops));

        given().get("/journeys?status=failed").then().statusCode(200)
                .body("journeyId", hasItem(journeyId));
        given().get("/journeys?status=COMPLETED&limit=1000").then().statusCode(200)
                .body("journeyId", not(hasItem(journeyId)));
    }

    @Test
    void badQueriesAndUnknownJourneysAreProblems() {
        given().get("/journeys/no-such-" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("field", equalTo("id"));
        assertBadRequest("/journeys?status=LOST", "status", "COMPLETED");
        assertBadRequest("/journeys?limit=0", "limit", "1 to 1000");
        assertBadRequest("/journeys?limit=1001", "limit", "1 to 1000");
        assertBadRequest("/journeys?limit=many", "limit", "1 to 1000");
    }

    private static void publish(List<HopEvent> hops, int... order) {
        for (int i : order) {
            HopEvent e = hops.get(i);
            TopicProbe.send(e.hopType().topic(), e.journeyId(), Json.write(e));
        }
    }

    private static JourneyView awaitHops(String journeyId, int count) {
        ExtractableResponse<Response> found = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/journeys/" + journeyId).then().extract(),
                r -> r.statusCode() == 200 && r.jsonPath().getList("hops").size() == count);
        assertThat(found.contentType()).startsWith("application/json");
        return Json.read(found.asString(), JourneyView.class);
    }

    private static void assertBadRequest(String path, String field, String detailPart) {
        given().get(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body("detail", containsString(detailPart));
    }
}

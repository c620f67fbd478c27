package com.packetjourney.bgp.rest;

import com.packetjourney.bgp.messaging.RoutedWorld;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Announcing and withdrawing a prefix through REST: the change is written to the world topic and the router
 * reconverges from there; refused changes are problems naming the field and write nothing. The AS is one of this
 * test only (no sessions, so no other AS hears it), removed at the end.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(RoutedWorld.class)
class AnnouncementResourceIT {

    @Test
    void aPrefixIsAnnouncedAndWithdrawnThroughTheWorldTopic() {
        long asn = ThreadLocalRandom.current().nextLong(4_200_000_000L, 4_294_967_294L);
        String key = Scenario.asKey(asn);
        AutonomousSystem as = new AutonomousSystem(asn, "what-if test AS", "test-router-1", "10.250.0.1",
                List.of("10.250.0.0/16"), List.of());
        TopicProbe.send(Topics.WORLD_AUTONOMOUS_SYSTEMS, key, Json.write(as));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/autonomous-systems/" + asn + "/routes")
                .statusCode() == 200);
        try {
            given().contentType(ContentType.JSON).body("{\"prefix\":\"10.251.7.0/24\"}")
                    .post("/autonomous-systems/" + asn + "/announcements").then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("asn", equalTo(asn))
                    .body("change", equalTo("announced"))
                    .body("prefix", equalTo("10.251.7.0/24"))
                    .body("originates", contains("10.250.0.0/16", "10.251.7.0/24"))
                    .body("topic", equalTo(Topics.WORLD_AUTONOMOUS_SYSTEMS))
                    .body("applied", equalTo(true));
            // applied: the router has read its own change back, so the next request sees it
            given().queryParam("ip", "10.251.7.9").get("/autonomous-systems/" + asn + "/lookup").then()
                    .statusCode(200)
                    .body("found", equalTo(true))
                    .body("route.prefix", equalTo("10.251.7.0/24"))
                    .body("route.originAs", equalTo(asn));

            assertProblem(given().contentType(ContentType.JSON).body("{\"prefix\":\"10.251.7.0/24\"}")
                    .post("/autonomous-systems/" + asn + "/announcements"), 409, "prefix", "already announces");
            assertProblem(given().contentType(ContentType.JSON).body("{\"prefix\":\"10.251.8.1/24\"}")
                    .post("/autonomous-systems/" + asn + "/announcements"), 400, "prefix", "host bits");
            assertProblem(given().contentType(ContentType.JSON).body("{\"prefix\":\"10.251.8\"}")
                    .post("/autonomous-systems/" + asn + "/announcements"), 400, "prefix", "CIDR");
            assertProblem(given().contentType(ContentType.JSON).body("{}")
                    .post("/autonomous-systems/" + asn + "/announcements"), 400, "prefix", "required");
            assertProblem(given().contentType(ContentType.JSON).body("{\"prefix\":\"10.251.9.0/24\"}")
                    .post("/autonomous-systems/65551/announcements"), 404, "asn", "AS65551 is not in the world");
            assertProblem(given().contentType(ContentType.JSON).body("{\"prefix\":[1]}")
                    .post("/autonomous-systems/" + asn + "/announcements"), 400, "prefix", "expected shape");
            given().contentType(ContentType.JSON).body("{not json").post("/autonomous-systems/" + asn + "/announcements")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("not valid JSON"));

            given().delete("/autonomous-systems/AS" + asn + "/announcements/10.251.7.0/24").then()
                    .statusCode(200)
                    .body("change", equalTo("withdrawn"))
                    .body("originates", contains("10.250.0.0/16"));
            given().queryParam("ip", "10.251.7.9").get("/autonomous-systems/" + asn + "/lookup").then()
                    .statusCode(200)
                    .body("found", equalTo(false));
            assertProblem(given().delete("/autonomous-systems/" + asn + "/announcements/10.251.7.0/24"), 404,
                    "prefix", "does not announce");

            // the record as loaded, the announcement, the withdrawal: the refused changes wrote nothing
            List<ConsumerRecord<String, String>> written = TopicProbe.awaitRecords(Topics.WORLD_AUTONOMOUS_SYSTEMS,
                    r -> r.key().equals(key), 3, Duration.ofSeconds(10));
            assertThat(written).extracting(r -> Json.read(r.value(), AutonomousSystem.class).originates())
                    .containsExactly(List.of("10.250.0.0/16"), List.of("10.250.0.0/16", "10.251.7.0/24"),
                            List.of("10.250.0.0/16"));
        } finally {
            TopicProbe.send(Topics.WORLD_AUTONOMOUS_SYSTEMS, key, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/autonomous-systems/" + asn + "/routes")
                    .statusCode() == 404);
        }
    }

    private static void assertProblem(io.restassured.response.Response response, int status, String field,
                                      String detail) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("field", equalTo(field))
                .body("detail", containsString(detail));
    }
}

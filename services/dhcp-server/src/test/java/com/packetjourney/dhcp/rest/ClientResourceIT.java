package com.packetjourney.dhcp.rest;

import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A device added through REST: written to pj.world.clients, read back, bad or colliding input refused. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ClientResourceIT {

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/clients");
    }

    private static void assertProblem(Response response, int status, String field, String detail) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("field", equalTo(field))
                .body("detail", containsString(detail));
    }

    @Test
    void aDeviceJoinsALanThroughTheWorldTopic() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String lanId = "clients-" + suffix;
        TopicProbe.send(Topics.WORLD_LANS, lanId, Json.write(new LanSegment(lanId, "10.7.0.0/24", "r", "10.7.0.1",
                "198.51.100.7", 64500, "10.7.0.50", "10.7.0.60", 600, List.of("10.7.0.1"), "198.51.100.53", 700)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/lans/" + lanId + "/pool").statusCode() == 200);
        String name = "phone-" + suffix;
        String mac = "02:00:00:" + suffix.substring(0, 2) + ":" + suffix.substring(2, 4) + ":" + suffix.substring(4, 6);

        post("{\"name\":\"" + name + "\",\"mac\":\"" + mac.toUpperCase() + "\",\"lan\":\"" + lanId + "\"}").then()
                .statusCode(201).contentType(ContentType.JSON)
                .body("name", equalTo(name)).body("mac", equalTo(mac)).body("lan", equalTo(lanId))
                .body("topic", equalTo(Topics.WORLD_CLIENTS)).body("applied", equalTo(true));
        List<ConsumerRecord<String, String>> written = TopicProbe.awaitRecords(Topics.WORLD_CLIENTS,
                r -> r.key().equals(name), 1, Duration.ofSeconds(10));
        assertThat(Json.read(written.get(0).value(), ClientDevice.class)).isEqualTo(new ClientDevice(name, mac, lanId));

        assertProblem(post("{\"name\":\"" + name + "\",\"mac\":\"02:00:00:ff:ff:ff\",\"lan\":\"" + lanId + "\"}"),
                409, "name", "already exists");
        assertProblem(post("{\"name\":\"other-" + suffix + "\",\"mac\":\"" + mac + "\",\"lan\":\"" + lanId + "\"}"),
                409, "mac", "already " + name);
        assertProblem(post("{\"name\":\"bad name\",\"mac\":\"02:00:00:ff:ff:fe\",\"lan\":\"" + lanId + "\"}"),
                400, "name", "RFC 1123");
        assertProblem(post("{\"name\":\"x-" + suffix + "\",\"mac\":\"nope\",\"lan\":\"" + lanId + "\"}"),
                400, "mac", "not a MAC address");
        assertProblem(post("{\"name\":\"x-" + suffix + "\",\"mac\":\"02:00:00:ff:ff:fe\",\"lan\":\"no-such-lan\"}"),
                404, "lan", "no LAN named no-such-lan");
    }
}

package com.packetjourney.dhcp.rest;

import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.DhcpLease;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Pool changes and DHCPRELEASE through REST: written to the world topics, taken from there, bad input refused. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PoolResourceIT {

    @Test
    void aPoolChangeIsWrittenAsTheLanRecordAndTakenFromTheTopic() {
        String lanId = "pool-" + UUID.randomUUID().toString().substring(0, 8);
        LanSegment lan = new LanSegment(lanId, "10.8.0.0/24", "r", "10.8.0.1", "198.51.100.8", 64500, "10.8.0.50",
                "10.8.0.60", 600, List.of("10.8.0.1"), "198.51.100.53", 700);
        TopicProbe.send(Topics.WORLD_LANS, lanId, Json.write(lan));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/lans/" + lanId + "/pool").statusCode() == 200);
        given().get("/lans/" + lanId + "/pool").then()
                .body("poolStart", equalTo("10.8.0.50"))
                .body("size", equalTo(11));

        given().contentType(ContentType.JSON)
                .body("{\"poolStart\":\"10.8.0.55\",\"poolEnd\":\"10.8.0.55\",\"leaseSeconds\":3600}")
                .put("/lans/" + lanId + "/pool").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("lan", equalTo(lanId))
                .body("poolStart", equalTo("10.8.0.55"))
                .body("poolEnd", equalTo("10.8.0.55"))
                .body("leaseSeconds", equalTo(3600))
                .body("size", equalTo(1))
                .body("topic", equalTo(Topics.WORLD_LANS))
                .body("applied", equalTo(true));
        given().get("/lans/" + lanId + "/pool").then().body("poolStart", equalTo("10.8.0.55")).body("size", equalTo(1));

        String put = "/lans/" + lanId + "/pool";
        assertProblem(putPool(put, "{\"poolStart\":\"10.8.0.70\",\"poolEnd\":\"10.8.0.60\"}"), 400, "poolEnd", "before");
        assertProblem(putPool(put, "{\"poolStart\":\"10.9.0.70\",\"poolEnd\":\"10.8.0.80\"}"), 400, "poolStart",
                "outside");
        assertProblem(putPool(put, "{\"poolStart\":\"10.8.0.70\",\"poolEnd\":\"10.8.0.80\",\"leaseSeconds\":0}"), 400,
                "leaseSeconds", "not in 1..");
        assertProblem(putPool(put, "{\"poolEnd\":\"10.8.0.80\"}"), 400, "poolStart", "required");
        assertProblem(putPool("/lans/no-such-lan/pool", "{\"poolStart\":\"10.8.0.70\",\"poolEnd\":\"10.8.0.80\"}"),
                404, "lan", "no LAN named no-such-lan");
        assertProblem(putPool(put, "{\"poolStart\":{\"a\":1},\"poolEnd\":\"10.8.0.80\"}"), 400, "poolStart",
                "expected shape");
        putPool(put, "{not json").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));

        // the LAN as published, then the one accepted change: the refused ones wrote nothing
        List<ConsumerRecord<String, String>> written = TopicProbe.awaitRecords(Topics.WORLD_LANS,
                r -> r.key().equals(lanId), 2, Duration.ofSeconds(10));
        assertThat(written).extracting(r -> Json.read(r.value(), LanSegment.class).poolStart())
                .containsExactly("10.8.0.50", "10.8.0.55");
    }

    @Test
    void aReleaseTombstonesTheLeaseAndTheAddressIsFreeAgain() {
        String lanId = "rel-" + UUID.randomUUID().toString().substring(0, 8);
        String mac = "02:00:00:00:88:01";
        TopicProbe.send(Topics.WORLD_LANS, lanId, Json.write(new LanSegment(lanId, "10.7.0.0/24", "r", "10.7.0.1",
                "198.51.100.7", 64500, "10.7.0.50", "10.7.0.60", 600, List.of("10.7.0.1"), "198.51.100.53", 700)));
        DhcpLease lease = new DhcpLease(lanId, mac, "10.7.0.50", Instant.parse("2026-01-01T09:00:00Z"), 600);
        TopicProbe.send(Topics.DHCP_LEASES, lease.key(), Json.write(lease));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/lans/" + lanId + "/leases").then().extract()
                .jsonPath().getList("clientMac").contains(mac));

        given().post("/lans/" + lanId + "/leases/02-00-00-00-88-01/release").then()
                .statusCode(200)
                .body("lan", equalTo(lanId))
                .body("clientMac", equalTo(mac))
                .body("address", equalTo("10.7.0.50"))
                .body("topic", equalTo(Topics.DHCP_LEASES))
                .body("applied", equalTo(true));
        given().get("/lans/" + lanId + "/leases").then().statusCode(200).body("$", empty());
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(Topics.DHCP_LEASES,
                r -> r.key().equals(lease.key()), 2, Duration.ofSeconds(10));
        assertThat(records).hasSize(2);
        assertThat(records.get(1).value()).isNull();

        assertProblem(given().post("/lans/" + lanId + "/leases/" + mac + "/release"), 404, "mac", "holds no lease");
        assertProblem(given().post("/lans/" + lanId + "/leases/bogus/release"), 400, "mac", "not a MAC address");
        assertProblem(given().post("/lans/no-such-lan/leases/" + mac + "/release"), 404, "lan", "no LAN named");
    }

    private static Response putPool(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).put(path);
    }

    private static void assertProblem(Response response, int status, String field, String detail) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("field", equalTo(field))
                .body("detail", containsString(detail));
    }
}

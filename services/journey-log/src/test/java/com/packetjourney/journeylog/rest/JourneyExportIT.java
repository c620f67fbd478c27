package com.packetjourney.journeylog.rest;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.journeylog.capture.JourneyCapture;
import com.packetjourney.journeylog.capture.RecordedJourneys;
import com.packetjourney.journeylog.trace.OtlpJson;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import com.packetjourney.testsupport.Tshark;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A journey recorded from the real services, published hop by hop on the real broker, then fetched from journey-log
 * as a pcapng file (read by tshark), as an OTLP trace (read by OpenTelemetry's protobuf classes), as steps and as log
 * positions.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class JourneyExportIT {

    @Test
    void aJourneyIsExportedAsPcapngAndAsAnOtlpTrace() throws Exception {
        // the ALB nodes' VPC addresses come from the world's load balancer record, as on a stack
        LoadBalancer lb = new LoadBalancer("export-it-" + UUID.randomUUID(), "export-it.example.", "internet-facing",
                16509, List.of(new LoadBalancer.AlbNode("eu-west-1b", "54.217.40.22", "10.0.32.10")), List.of());
        TopicProbe.send(Topics.WORLD_LOAD_BALANCERS, lb.name(), Json.write(lb));
        String id = "export-" + UUID.randomUUID();
        List<HopEvent> events = RecordedJourneys.events(RecordedJourneys.COMPLETED, id);
        for (int i : new int[]{3, 0, 5, 1, 4, 2}) {
            TopicProbe.send(events.get(i).hopType().topic(), id, Json.write(events.get(i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/journeys/" + id).then().extract(),
                r -> r.statusCode() == 200 && r.jsonPath().getList("hops").size() == events.size());

        // the world record may be read a little after the journey: the pod's leg needs it
        ExtractableResponse<Response> pcap = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/journeys/" + id + "/pcap").then().extract(),
                r -> r.statusCode() == 200 && new String(r.asByteArray(), StandardCharsets.ISO_8859_1)
                        .contains("HTTP/1.1 200 OK"));
        assertThat(pcap.contentType()).isEqualTo("application/vnd.tcpdump.pcap");
        assertThat(pcap.header("Content-Disposition")).contains("journey-" + id + ".pcapng");
        byte[] bytes = pcap.asByteArray();
        assertThat(bytes).startsWith(0x0A, 0x0D, 0x0D, 0x0A); // a pcapng section header block
        if (Tshark.installed()) {
            Path file = Files.createTempFile("journey-", ".pcapng");
            Files.write(file, bytes);
            assertThat(Tshark.problems(file)).isEmpty();
            List<Tshark.Packet> packets = Tshark.packets(file, "dhcp.option.dhcp", "dns.qry.name",
                    "tls.handshake.extensions_server_name", "http.response.code");
            assertThat(packets.stream().flatMap(p -> p.values("dhcp.option.dhcp").stream()))
                    .containsExactly("1", "2", "3", "5");
            assertThat(packets.stream().flatMap(p -> p.values("http.response.code").stream())).containsExactly("200");
            Files.delete(file);
        }

        String trace = given().get("/journeys/" + id + "/trace").then().statusCode(200)
                .contentType("application/json").extract().asString();
        OtlpJson.Trace spans = OtlpJson.parse(trace);
        Span root = spans.roots().get(0);
        assertThat(HexFormat.of().formatHex(root.getTraceId().toByteArray())).isEqualTo(JourneyCapture.traceId(id));
        assertThat(spans.children(root)).extracting(Span::getName)
                .containsExactlyElementsOf(events.stream().map(e -> e.hopType().wireName()).toList());
        // each hop span says where its event is in the log
        for (Span hop : spans.children(root)) {
            assertThat(hop.getAttributesList()).anySatisfy(a -> assertThat(a.getKey())
                    .isEqualTo("messaging.kafka.offset"));
        }

        List<LoggedEvent> log = List.of(given().get("/journeys/" + id + "/log").then().statusCode(200).extract()
                .as(LoggedEvent[].class));
        assertThat(log).extracting(LoggedEvent::topic)
                .containsExactlyElementsOf(events.stream().map(e -> e.hopType().topic()).toList());
        assertThat(log).allSatisfy(e -> {
            assertThat(e.partition()).isNotNull();
            assertThat(e.offset()).isNotNull();
        });
        // every hop topic is keyed by journey id with the same partition count: one partition number for all
        assertThat(log).extracting(LoggedEvent::partition).containsOnly(log.get(0).partition());

        DnsResolved dns = (DnsResolved) events.get(HopType.DNS_RESOLVED.ordinal()).payload();
        given().get("/journeys/" + id + "/steps").then().statusCode(200)
                .body("hops[2].type", equalTo("dns.resolved"))
                .body("hops[2].steps[1].children.size()", equalTo(dns.steps().size()))
                .body("hops[2].steps[1].children[0].packets[0].capturePoint", equalTo("resolver eth0"));
    }

    @Test
    void anUnknownJourneyIsAProblem() {
        for (String export : List.of("pcap", "trace", "steps", "log")) {
            given().get("/journeys/no-such-" + UUID.randomUUID() + "/" + export).then().statusCode(404)
                    .contentType("application/problem+json").body("field", equalTo("id"));
        }
    }

    @Test
    void theViewerHasAFavicon() {
        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("image/svg"));
        given().get("/").then().statusCode(200).body(containsString("favicon.svg"));
    }
}

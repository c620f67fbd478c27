package com.packetjourney.journeylog.trace;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.journeylog.capture.JourneyCapture;
import com.packetjourney.journeylog.capture.RecordedJourneys;
import com.packetjourney.journeylog.domain.LogPosition;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OTLP/JSON trace of recorded journeys, read back with OpenTelemetry's own protobuf classes. */
class OtlpTraceTest {

    @Test
    void aJourneyIsATraceItsHopsSpansAndTheirStepsChildSpans() throws Exception {
        JourneyView journey = RecordedJourneys.read(RecordedJourneys.COMPLETED);
        Map<HopType, LogPosition> positions = Map.of(HopType.DNS_RESOLVED, new LogPosition(HopType.DNS_RESOLVED, 2, 41));
        OtlpJson.Trace trace = OtlpJson.parse(Json.write(OtlpTrace.of(
                JourneyCapture.of(journey, RecordedJourneys.SCENARIO_ALB_NODES), positions)));

        assertThat(trace.spans()).extracting(s -> HexFormat.of().formatHex(s.getTraceId().toByteArray()))
                .containsOnly(JourneyCapture.traceId(journey.journeyId()));
        Span root = trace.roots().get(0);
        assertThat(trace.roots()).hasSize(1);
        assertThat(root.getName()).isEqualTo("GET " + journey.url());
        assertThat(root.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(root.getStartTimeUnixNano()).isEqualTo(nanos(journey.simStartedAt()));
        assertThat(root.getEndTimeUnixNano() - root.getStartTimeUnixNano()).isEqualTo(journey.simTotalMicros() * 1000);
        assertThat(attribute(root, "http.response.status_code").getIntValue()).isEqualTo(journey.httpStatus().longValue());

        // one span per hop under the root, on the hop's simulated interval, in the resource of its service
        List<Span> hops = trace.children(root);
        assertThat(hops).extracting(Span::getName)
                .containsExactlyElementsOf(journey.hops().stream().map(h -> h.hopType().wireName()).toList());
        for (int i = 0; i < hops.size(); i++) {
            HopEvent hop = journey.hops().get(i);
            assertThat(hops.get(i).getStartTimeUnixNano()).isEqualTo(nanos(hop.simStartedAt()));
            assertThat(hops.get(i).getEndTimeUnixNano()).isEqualTo(nanos(hop.simEndedAt()));
            assertThat(trace.service(hops.get(i))).isEqualTo(hop.service());
            assertThat(attribute(hops.get(i), "messaging.destination.name").getStringValue())
                    .isEqualTo(hop.hopType().topic());
        }
        assertThat(attribute(hops.get(2), "messaging.kafka.offset").getIntValue()).isEqualTo(41L);
        assertThat(attribute(hops.get(2), "messaging.destination.partition.id").getStringValue()).isEqualTo("2");

        // every child span lies within its parent
        for (Span span : trace.spans()) {
            trace.parent(span).ifPresent(parent -> {
                assertThat(span.getStartTimeUnixNano()).as(span.getName()).isGreaterThanOrEqualTo(parent.getStartTimeUnixNano());
                assertThat(span.getEndTimeUnixNano()).as(span.getName()).isLessThanOrEqualTo(parent.getEndTimeUnixNano());
            });
        }

        // DNS: the laptop's query, inside it the router's forward, inside that each query of the resolver end to end
        DnsResolved dns = (DnsResolved) journey.hops().get(2).payload();
        List<Span> stub = trace.children(hops.get(2));
        assertThat(stub).hasSize(2);
        assertThat(attribute(stub.get(0), "dns.question.name").getStringValue()).isEqualTo("packet-journey.com.");
        List<Span> queries = trace.children(stub.get(1));
        assertThat(queries).hasSize(dns.steps().size());
        for (int i = 0; i < queries.size(); i++) {
            Span q = queries.get(i);
            assertThat(q.getEndTimeUnixNano() - q.getStartTimeUnixNano())
                    .isEqualTo(dns.steps().get(i).latencyMicros() * 1000);
            assertThat(attribute(q, "server.address").getStringValue()).isEqualTo(dns.steps().get(i).serverIp());
            if (i > 0) {
                assertThat(q.getStartTimeUnixNano()).isEqualTo(queries.get(i - 1).getEndTimeUnixNano());
            }
        }

        // the ALB: TCP, TLS, then the rule, taking the hop's whole time between them
        AlbForwarded alb = (AlbForwarded) journey.hops().get(4).payload();
        List<Span> albSteps = trace.children(hops.get(4));
        assertThat(albSteps).extracting(s -> attribute(s, "pj.step.kind").getStringValue())
                .containsExactly("tcp", "tls", "alb");
        assertThat(albSteps.get(0).getStartTimeUnixNano()).isEqualTo(hops.get(4).getStartTimeUnixNano());
        assertThat(albSteps.get(2).getEndTimeUnixNano()).isEqualTo(hops.get(4).getEndTimeUnixNano());
        long oneWay = journey.hops().get(3).simLatencyMicros() * 1000;
        assertThat(albSteps.get(0).getEndTimeUnixNano() - albSteps.get(0).getStartTimeUnixNano()).isEqualTo(2 * oneWay);
        assertThat(attribute(albSteps.get(1), "tls.client.server_name").getStringValue()).isEqualTo(alb.tls().sni());
        assertThat(attribute(albSteps.get(1), "tls.protocol.version").getStringValue()).isEqualTo("1.3");
        assertThat(attribute(albSteps.get(1), "tls.cipher").getStringValue()).isEqualTo(alb.tls().cipher());

        // the routers, one after the other
        assertThat(trace.children(hops.get(3))).extracting(s -> attribute(s, "pj.router.name").getStringValue())
                .containsExactly("laptop", "home-router", "isp-edge-1", "lumen-core-1", "aws-border-dub-1");
        Span http = trace.children(hops.get(5)).get(0);
        assertThat(attribute(http, "http.response.status_code").getIntValue()).isEqualTo(200L);
        assertThat(http.getEventsList()).isNotEmpty();
    }

    @Test
    void aFailedJourneyMarksTheRootAndTheFailingHopAsErrors() throws Exception {
        JourneyView journey = RecordedJourneys.read(RecordedJourneys.NXDOMAIN);
        OtlpJson.Trace trace = OtlpJson.parse(Json.write(OtlpTrace.of(
                JourneyCapture.of(journey, JourneyCapture.AlbNodes.NONE), Map.of())));

        Span root = trace.roots().get(0);
        assertThat(root.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(attribute(root, "error.type").getStringValue()).isEqualTo("DNS_NXDOMAIN");
        Span dnsHop = trace.children(root).get(2);
        assertThat(dnsHop.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(dnsHop.getStatus().getMessage()).contains("NXDOMAIN");
        assertThat(attribute(trace.children(dnsHop).get(0), "dns.response_code").getStringValue())
                .isEqualTo("NXDOMAIN");
    }

    @Test
    void theSameJourneyGivesTheSameTrace() {
        JourneyView journey = RecordedJourneys.read(RecordedJourneys.CACHED);
        assertThat(Json.write(OtlpTrace.of(JourneyCapture.of(journey, JourneyCapture.AlbNodes.NONE), Map.of())))
                .isEqualTo(Json.write(OtlpTrace.of(JourneyCapture.of(journey, JourneyCapture.AlbNodes.NONE), Map.of())));
    }

    public static AnyValue attribute(Span span, String key) {
        return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).map(KeyValue::getValue)
                .findFirst().orElseThrow(() -> new AssertionError(span.getName() + " has no attribute " + key));
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}

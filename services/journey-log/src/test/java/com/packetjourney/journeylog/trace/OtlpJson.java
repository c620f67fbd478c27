package com.packetjourney.journeylog.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import com.packetjourney.contracts.Json;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** OTLP/JSON read with OpenTelemetry's own protobuf classes (opentelemetry-proto) and protobuf's JSON mapping. */
public final class OtlpJson {
    private OtlpJson() {
    }

    /** The spans of a parsed ExportTraceServiceRequest, sorted by start, with the service each belongs to. */
    public record Trace(List<Span> spans, Map<Span, String> services) {
        public List<Span> roots() {
            return spans.stream().filter(s -> s.getParentSpanId().isEmpty()).toList();
        }

        public List<Span> children(Span parent) {
            return spans.stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
        }

        public Optional<Span> parent(Span span) {
            return spans.stream().filter(s -> s.getSpanId().equals(span.getParentSpanId())).findFirst();
        }

        public String service(Span span) {
            return services.get(span);
        }
    }

    /**
     * Parses with protobuf's JSON mapping. OTLP/JSON writes trace and span ids in hex where protobuf's mapping of
     * bytes is base64 (OTLP specification, "JSON Protobuf Encoding"), so they are converted first, as OTLP receivers
     * do.
     */
    public static Trace parse(String otlpJson) throws Exception {
        JsonNode json = Json.mapper().readTree(otlpJson);
        for (JsonNode resource : json.get("resourceSpans")) {
            for (JsonNode scope : resource.get("scopeSpans")) {
                for (JsonNode span : scope.get("spans")) {
                    for (String id : List.of("traceId", "spanId", "parentSpanId")) {
                        if (span.has(id)) {
                            ((ObjectNode) span).put(id, Base64.getEncoder().encodeToString(
                                    HexFormat.of().parseHex(span.get(id).asText())));
                        }
                    }
                }
            }
        }
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        JsonFormat.parser().merge(json.toString(), request);
        List<Span> spans = new ArrayList<>();
        Map<Span, String> services = new IdentityHashMap<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(a -> a.getValue().getStringValue())
                    .findFirst().orElseThrow();
            resource.getScopeSpansList().forEach(scope -> scope.getSpansList().forEach(span -> {
                spans.add(span);
                services.put(span, service);
            }));
        }
        spans.sort(Comparator.comparingLong(Span::getStartTimeUnixNano));
        assertThat(spans.stream().map(Span::getSpanId).collect(Collectors.toSet())).as("span ids are unique")
                .hasSize(spans.size());
        return new Trace(spans, services);
    }
}

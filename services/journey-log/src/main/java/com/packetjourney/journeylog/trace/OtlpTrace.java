package com.packetjourney.journeylog.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.journeylog.capture.JourneyCapture;
import com.packetjourney.journeylog.capture.Step;
import com.packetjourney.journeylog.domain.LogPosition;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A journey as an OpenTelemetry trace in OTLP/JSON (an ExportTraceServiceRequest, opentelemetry-proto's
 * trace/v1): the journey is the trace and its root span, each hop a span of the service that computed it, each step
 * inside a hop a child span, all on the simulated timeline. Attributes use the semantic conventions' names where they
 * have one (http.*, url.*, server.*, client.*, network.*, dns.*, tls.*, messaging.*) and pj.* for the rest. As OTLP's
 * JSON encoding asks, trace and span ids are hex, enums are numbers and 64-bit integers are strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OtlpTrace(List<ResourceSpans> resourceSpans) {
    public static final String SCOPE = "com.packetjourney.journey-log";
    /** SpanKind and StatusCode of trace/v1/trace.proto. */
    static final int INTERNAL = 1;
    static final int CLIENT = 3;
    static final int STATUS_ERROR = 2;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResourceSpans(Resource resource, List<ScopeSpans> scopeSpans) {
    }

    public record Resource(List<KeyValue> attributes) {
    }

    public record ScopeSpans(Scope scope, List<Span> spans) {
    }

    public record Scope(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Span(String traceId, String spanId, String parentSpanId, String name, int kind,
                       String startTimeUnixNano, String endTimeUnixNano, List<KeyValue> attributes,
                       List<Event> events, Status status) {
    }

    public record Event(String timeUnixNano, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(int code, String message) {
    }

    public record KeyValue(String key, AnyValue value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnyValue(String stringValue, Boolean boolValue, String intValue, Double doubleValue,
                           ArrayValue arrayValue) {
    }

    public record ArrayValue(List<AnyValue> values) {
    }

    /**
     * The trace of a journey's steps; {@code positions} says where each hop's event is in the log (topic, partition,
     * offset), when known.
     */
    public static OtlpTrace of(JourneyCapture capture, Map<HopType, LogPosition> positions) {
        JourneyView journey = capture.journey();
        String traceId = JourneyCapture.traceId(journey.journeyId());
        Map<String, List<Span>> byService = new LinkedHashMap<>();
        String rootId = spanId(journey.journeyId(), "journey");
        String method = journey.hops().stream().map(HopEvent::payload).filter(JourneyRequested.class::isInstance)
                .map(p -> ((JourneyRequested) p).method()).findFirst().orElse("GET");
        Instant start = journey.simStartedAt() != null ? journey.simStartedAt() : Instant.EPOCH;
        Attributes root = new Attributes()
                .put("http.request.method", method)
                .put("url.full", journey.url())
                .put("server.address", host(journey.url()))
                .put("http.response.status_code", journey.httpStatus())
                .put("pj.journey.id", journey.journeyId())
                .put("pj.journey.status", journey.status().name())
                .put("pj.client", journey.client())
                .put("error.type", journey.failureCode() == null ? null : journey.failureCode().name());
        String rootService = journey.hops().isEmpty() ? HopType.JOURNEY_REQUESTED.service()
                : journey.hops().get(0).service();
        byService.computeIfAbsent(rootService, s -> new ArrayList<>()).add(new Span(traceId, rootId, null,
                method + " " + journey.url(), CLIENT, nanos(start), nanos(start.plus(micros(journey.simTotalMicros()))),
                root.list(), List.of(), journey.status() == JourneyStatus.FAILED
                ? new Status(STATUS_ERROR, journey.failureMessage()) : null));
        for (JourneyCapture.HopSteps hopSteps : capture.hops()) {
            HopEvent hop = hopSteps.hop();
            String hopId = spanId(journey.journeyId(), "hop/" + hop.hop());
            LogPosition at = positions.get(hop.hopType());
            Attributes attributes = new Attributes()
                    .put("pj.hop", hop.hop())
                    .put("pj.event.id", hop.eventId())
                    .put("pj.causation.id", hop.causationId())
                    .put("pj.wall_time", hop.wallTime() == null ? null : hop.wallTime().toString())
                    .put("messaging.system", "kafka")
                    .put("messaging.destination.name", hop.hopType().topic())
                    .put("messaging.kafka.message.key", hop.journeyId())
                    .put("messaging.message.id", hop.eventId())
                    .put("messaging.destination.partition.id", at == null ? null : String.valueOf(at.partition()))
                    .put("messaging.kafka.offset", at == null ? null : at.offset())
                    .put("error.type", hop.outcome().isOk() ? null : hop.outcome().code().name());
            List<Span> spans = byService.computeIfAbsent(hop.service(), s -> new ArrayList<>());
            spans.add(new Span(traceId, hopId, rootId, hop.hopType().wireName(), INTERNAL, nanos(hop.simStartedAt()),
                    nanos(hop.simEndedAt()), attributes.list(), List.of(), hop.outcome().isOk() ? null
                    : new Status(STATUS_ERROR, hop.outcome().code() + ": " + hop.outcome().message())));
            for (int i = 0; i < hopSteps.steps().size(); i++) {
                addStep(spans, traceId, hopId, journey.journeyId(), "hop/" + hop.hop() + "/" + i,
                        hopSteps.steps().get(i));
            }
        }
        List<ResourceSpans> resources = new ArrayList<>();
        byService.forEach((service, spans) -> resources.add(new ResourceSpans(
                new Resource(new Attributes().put("service.name", service)
                        .put("service.namespace", "packet-journey").list()),
                List.of(new ScopeSpans(new Scope(SCOPE), spans)))));
        return new OtlpTrace(resources);
    }

    private static void addStep(List<Span> spans, String traceId, String parentId, String journeyId, String path,
                                Step step) {
        String id = spanId(journeyId, path);
        Attributes attributes = new Attributes().put("pj.step.kind", step.kind());
        step.attributes().forEach(attributes::put);
        List<Event> events = step.events().stream().map(e -> new Event(nanos(e.at()), e.name())).toList();
        boolean failed = step.attributes().containsKey("error.type");
        spans.add(new Span(traceId, id, parentId, step.name(), kind(step.kind()), nanos(step.start()),
                nanos(step.end()), attributes.list(), events,
                failed ? new Status(STATUS_ERROR, String.valueOf(step.attributes().get("error.type"))) : null));
        for (int i = 0; i < step.children().size(); i++) {
            addStep(spans, traceId, id, journeyId, path + "/" + i, step.children().get(i));
        }
    }

    /** A request to another party is a client span; a decision taken in place (a router, a cache) is internal. */
    private static int kind(String stepKind) {
        return switch (stepKind) {
            case "dhcp", "dns", "tcp", "tls", "http" -> CLIENT;
            default -> INTERNAL;
        };
    }

    /** A span's 64-bit id in hex, derived from the journey and the span's place in it: the same every time. */
    static String spanId(String journeyId, String path) {
        UUID uuid = UUID.nameUUIDFromBytes((journeyId + "#" + path).getBytes(StandardCharsets.UTF_8));
        return String.format("%016x", uuid.getMostSignificantBits());
    }

    private static String nanos(Instant at) {
        return String.valueOf(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano()));
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1000);
    }

    private static String host(String url) {
        try {
            return url == null ? null : URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Attributes in the order given; a null value leaves the attribute out. */
    private static final class Attributes {
        private final List<KeyValue> list = new ArrayList<>();

        Attributes put(String key, Object value) {
            AnyValue v = value(value);
            if (v != null) {
                list.add(new KeyValue(key, v));
            }
            return this;
        }

        List<KeyValue> list() {
            return list;
        }

        private static AnyValue value(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Boolean b) {
                return new AnyValue(null, b, null, null, null);
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                return new AnyValue(null, null, value.toString(), null, null);
            }
            if (value instanceof Number n) {
                return new AnyValue(null, null, null, n.doubleValue(), null);
            }
            if (value instanceof List<?> items) {
                return new AnyValue(null, null, null, null, new ArrayValue(items.stream().map(Attributes::value)
                        .filter(v -> v != null).toList()));
            }
            return new AnyValue(value.toString(), null, null, null, null);
        }
    }
}

package com.packetjourney.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.packetjourney.contracts.hop.HopPayload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope of every hop event. {@code type} names the payload's schema; {@code hop} is its hop's fixed number
 * ({@link HopDefinition#number()}); {@code causationId} is the event this one was computed from. Simulated time is what the journey
 * experiences; wall time is only when the service happened to process it.
 */
@JsonDeserialize(using = HopEventReader.class)
@JsonPropertyOrder({"eventId", "journeyId", "hop", "causationId", "type", "service", "simStartedAt",
        "simLatencyMicros", "wallTime", "schemaVersion", "outcome", "context", "payload"})
public record HopEvent(
        String eventId,
        String journeyId,
        int hop,
        String causationId,
        String service,
        Instant simStartedAt,
        long simLatencyMicros,
        Instant wallTime,
        int schemaVersion,
        Outcome outcome,
        JourneyContext context,
        HopPayload payload) {

    public static final int SCHEMA_VERSION = 1;

    public HopEvent {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * The payload's schema name ({@link HopType#wireName()}), written before the payload so that a reader knows the
     * payload's record before it reaches it ({@link HopEventReader}).
     */
    @JsonProperty("type")
    public String type() {
        return hopType().wireName();
    }

    @JsonIgnore
    public HopType hopType() {
        return HopType.of(payload);
    }

    @JsonIgnore
    public Instant simEndedAt() {
        return simStartedAt.plus(Duration.ofNanos(simLatencyMicros * 1000));
    }

    /** The first event of a journey. */
    public static HopEvent first(String journeyId, Instant simStartedAt, long simLatencyMicros, Instant wallTime,
                                 Outcome outcome, JourneyContext context, HopPayload payload) {
        HopType type = HopType.of(payload);
        return new HopEvent(eventIdOf(journeyId, type), journeyId, type.number(), null, type.service(),
                simStartedAt, simLatencyMicros, wallTime, SCHEMA_VERSION, outcome, context, payload);
    }

    /** The event this hop emits after {@code this}: it starts when this one ended, in simulated time. */
    public HopEvent next(long simLatencyMicros, Instant wallTime, Outcome outcome, JourneyContext context,
                         HopPayload payload) {
        HopType type = HopType.of(payload);
        return new HopEvent(eventIdOf(journeyId, type), journeyId, type.number(), eventId, type.service(),
                simEndedAt(), simLatencyMicros, wallTime, SCHEMA_VERSION, outcome, context, payload);
    }

    /**
     * Event ids are derived from journey and hop, so a re-delivered or re-computed event keeps its id and the
     * reconstruction can drop duplicates.
     */
    public static String eventIdOf(String journeyId, HopType type) {
        return UUID.nameUUIDFromBytes((journeyId + "/" + type.wireName()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

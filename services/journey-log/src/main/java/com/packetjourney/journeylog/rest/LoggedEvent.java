package com.packetjourney.journeylog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.journeylog.domain.LogPosition;

import java.time.Instant;
import java.util.List;

/**
 * One hop event where the log holds it: its topic, partition and offset (null for an event read before positions
 * were indexed, kept in memory since) and the wall-clock instant its service wrote it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedEvent(int hop, String type, String eventId, String service, String topic, Integer partition,
                         Long offset, Instant wallTime) {

    static List<LoggedEvent> of(JourneyView journey, List<LogPosition> positions) {
        return journey.hops().stream().map(h -> of(h, positions)).toList();
    }

    private static LoggedEvent of(HopEvent hop, List<LogPosition> positions) {
        LogPosition at = positions.stream().filter(p -> p.hop() == hop.hopType()).findFirst().orElse(null);
        return new LoggedEvent(hop.hop(), hop.hopType().wireName(), hop.eventId(), hop.service(),
                hop.hopType().topic(), at == null ? null : at.partition(), at == null ? null : at.offset(),
                hop.wallTime());
    }
}

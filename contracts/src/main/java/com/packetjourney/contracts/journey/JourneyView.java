package com.packetjourney.contracts.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;

import java.time.Instant;
import java.util.List;

/** A journey as reconstructed from the hop topics: its hops in order, its outcome and its simulated timing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyView(
        String journeyId,
        JourneyStatus status,
        String url,
        String client,
        Instant simStartedAt,
        long simTotalMicros,
        String lastHop,
        String failedHop,
        FailureCode failureCode,
        String failureMessage,
        Integer httpStatus,
        List<HopEvent> hops) {
}

package com.packetjourney.journeylog.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.journeylog.domain.IndexedJourney;

import java.time.Instant;

/**
 * A journey in a list: its index entry without the hops, which only the single-journey view carries, and with the
 * failure code's one-line explanation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneySummary(
        String journeyId,
        JourneyStatus status,
        String url,
        String client,
        Instant simStartedAt,
        long simTotalMicros,
        int hopCount,
        String lastHop,
        String failedHop,
        FailureCode failureCode,
        String failureMessage,
        String failureExplanation,
        Integer httpStatus) {

    public static JourneySummary of(IndexedJourney j) {
        return new JourneySummary(j.journeyId(), j.status(), j.url(), j.client(), j.simStartedAt(),
                j.simTotalMicros(), j.hopCount(), j.lastHop(), j.failedHop(), j.failureCode(), j.failureMessage(),
                j.failureCode() == null ? null : j.failureCode().explanation(), j.httpStatus());
    }
}

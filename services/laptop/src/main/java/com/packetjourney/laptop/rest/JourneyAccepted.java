package com.packetjourney.laptop.rest;

import java.time.Instant;

/** The reply to an accepted request: the journey now travels on its own; journey-log tells how it went. */
public record JourneyAccepted(String journeyId, String url, Instant simStartedAt) {
}

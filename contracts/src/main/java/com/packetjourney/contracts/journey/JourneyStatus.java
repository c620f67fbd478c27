package com.packetjourney.contracts.journey;

/** Where a journey stands: it completes, fails at a named hop, is still in progress, or is reported stalled. */
public enum JourneyStatus {
    IN_PROGRESS, COMPLETED, FAILED, STALLED
}

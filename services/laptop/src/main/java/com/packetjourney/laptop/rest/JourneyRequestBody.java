package com.packetjourney.laptop.rest;

/**
 * POST /journeys body; every field is text so that validation, not JSON binding, explains what is wrong. {@code at}
 * is an instant, {@code after} a delay past the client's simulated clock; neither means the clock itself.
 */
public record JourneyRequestBody(String url, String client, String at, String journeyId, String after) {
}

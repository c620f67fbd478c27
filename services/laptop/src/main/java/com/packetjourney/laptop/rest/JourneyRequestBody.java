package com.packetjourney.laptop.rest;

/** POST /journeys body; every field is text so that validation, not JSON binding, explains what is wrong. */
public record JourneyRequestBody(String url, String client, String at, String journeyId) {
}

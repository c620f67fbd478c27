package com.packetjourney.contracts.hop;

/** The browser's request as typed by the user, and the device that sends it. */
public record JourneyRequested(String url, String method, String client, String clientMac) implements HopPayload {
}

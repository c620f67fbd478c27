package com.packetjourney.journeylog.capture;

import java.time.Instant;

/**
 * One Ethernet frame of a journey, seen at {@code point} at the simulated instant {@code at}; {@code summary} says
 * what it is in a few words (it becomes the frame's comment in the pcapng file).
 */
public record CapturedPacket(Instant at, CapturePoint point, byte[] frame, String summary) {
}

package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.hop.HopPayload;
import com.packetjourney.contracts.journey.JourneyView;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What every hop's steps draw on: the journey, and a random source seeded from its id for what the journey does not
 * record (ephemeral ports, IP identifications, TLS randoms), so that the same journey always gives the same bytes.
 */
final class CaptureContext {
    private final JourneyView journey;
    private final SplittableRandom random;

    CaptureContext(JourneyView journey) {
        this.journey = journey;
        UUID seed = UUID.nameUUIDFromBytes(journey.journeyId().getBytes(StandardCharsets.UTF_8));
        this.random = new SplittableRandom(seed.getMostSignificantBits() ^ seed.getLeastSignificantBits());
    }

    JourneyView journey() {
        return journey;
    }

    Optional<HopEvent> hop(HopType type) {
        return journey.hops().stream().filter(h -> h.hopType() == type).findFirst();
    }

    <T extends HopPayload> Optional<T> payload(HopType type, Class<T> payloadType) {
        return hop(type).map(HopEvent::payload).filter(payloadType::isInstance).map(payloadType::cast);
    }

    static Instant plus(Instant at, long micros) {
        return at.plus(Duration.ofNanos(micros * 1000));
    }

    /** An IPv4 identification; Linux draws them per destination, which a single journey cannot tell apart. */
    int ipId() {
        return random.nextInt(1 << 16);
    }

    /** A source port from the dynamic range (RFC 6335 §6). */
    int ephemeralPort() {
        return random.nextInt(49152, 65536);
    }

    /** A 32-bit number: an initial sequence number (RFC 6528 asks for unpredictable ones) or a DNS message id. */
    long uint32() {
        return random.nextLong(1L << 32);
    }

    int uint16() {
        return random.nextInt(1 << 16);
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}

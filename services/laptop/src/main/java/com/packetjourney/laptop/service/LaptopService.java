package com.packetjourney.laptop.service;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.hop.CommonWorld;
import com.packetjourney.laptop.domain.BrowserRequest;
import com.packetjourney.laptop.domain.ClientClocks;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The first hop: turns what the user typed into the journey's first event, sent by a device of the loaded world at
 * the device's simulated time (see {@link ClientClocks}). Thread-safe: world updates and requests come from
 * different threads.
 */
@Singleton
public class LaptopService {
    static final String THINK_TIME = "1s";

    private final CommonWorld world = new CommonWorld();
    private final ClientClocks clocks = new ClientClocks();
    private final Clock wallClock;
    private final Supplier<String> newJourneyId;

    /** Journeys get random ids (RFC 4122 version 4) unless the request names one. */
    @Inject
    public LaptopService(Clock wallClock) {
        this(wallClock, () -> UUID.randomUUID().toString());
    }

    public LaptopService(Clock wallClock, Supplier<String> newJourneyId) {
        this.wallClock = wallClock;
        this.newJourneyId = newJourneyId;
    }

    /** The simulation and the client devices, as read from the world. */
    public CommonWorld world() {
        return world;
    }

    /**
     * A journey started, read from the journey-requested log or just sent: its client's clock moves to its start.
     */
    public synchronized void onJourneyStarted(HopEvent requested) {
        clocks.started(requested.context().client(), requested.simStartedAt());
    }

    /**
     * The journey.requested event for a browser request (raw fields, any may be null): at {@code at}, or
     * {@code after} past the client's clock, or (when neither is given) one second after the client's previous
     * journey, or at the epoch for its first. The clock moves on once the event is sent
     * ({@link #onJourneyStarted}).
     *
     * @throws Refused for a malformed field or a client the world does not know
     */
    public synchronized HopEvent request(String url, String client, String at, String after, String journeyId) {
        Instant epoch = world.epoch();
        String device0 = client == null || client.isBlank() ? BrowserRequest.DEFAULT_CLIENT : client;
        if (at == null && after == null && clocks.hasStarted(device0)) {
            // Sending again without saying when means "a moment later": one second of simulated think time, so
            // the new journey sees what the previous one left in caches and leases.
            after = THINK_TIME;
        }
        BrowserRequest request = BrowserRequest.parse(url, client, at, after, journeyId,
                device -> clocks.now(device, epoch), newJourneyId);
        ClientDevice device = world.clients().get(request.client());
        if (device == null) {
            throw Refused.invalid("client", "no device named " + request.client() + " in the loaded world");
        }
        return HopEvent.first(request.journeyId(), request.at(), 0, wallClock.instant(), Outcome.ok(),
                JourneyContext.request(request.url(), request.scheme(), request.host(), request.port(), request.path(),
                        device.name(), device.mac()),
                new JourneyRequested(request.url(), "GET", device.name(), device.mac()));
    }
}

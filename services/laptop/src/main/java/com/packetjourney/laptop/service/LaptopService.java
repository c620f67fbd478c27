package com.packetjourney.laptop.service;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.laptop.domain.BrowserRequest;
import com.packetjourney.laptop.domain.InvalidRequestException;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The first hop: turns what the user typed into the journey's first event, sent by a device of the loaded world.
 * Thread-safe: world updates and requests come from different threads.
 */
public class LaptopService {
    private final Map<String, ClientDevice> clients = new HashMap<>();
    private final Clock wallClock;
    private final Supplier<String> newJourneyId;
    private Simulation simulation;

    public LaptopService(Clock wallClock, Supplier<String> newJourneyId) {
        this.wallClock = wallClock;
        this.newJourneyId = newJourneyId;
    }

    public synchronized void onSimulation(Simulation simulation) {
        this.simulation = simulation;
    }

    public synchronized void onClient(String name, ClientDevice client) {
        if (client == null) {
            clients.remove(name);
        } else {
            clients.put(name, client);
        }
    }

    /**
     * The journey.requested event for a browser request (raw fields, any may be null).
     *
     * @throws InvalidRequestException for a malformed field or a client the world does not know
     */
    public synchronized HopEvent request(String url, String client, String at, String journeyId) {
        BrowserRequest request = BrowserRequest.parse(url, client, at, journeyId,
                simulation == null ? null : simulation.epoch(), newJourneyId);
        ClientDevice device = clients.get(request.client());
        if (device == null) {
            throw new InvalidRequestException("client", "no device named " + request.client() + " in the loaded world");
        }
        return HopEvent.first(request.journeyId(), request.at(), 0, wallClock.instant(), Outcome.ok(),
                JourneyContext.request(request.url(), request.scheme(), request.host(), request.port(), request.path(),
                        device.name(), device.mac()),
                new JourneyRequested(request.url(), "GET", device.name(), device.mac()));
    }
}

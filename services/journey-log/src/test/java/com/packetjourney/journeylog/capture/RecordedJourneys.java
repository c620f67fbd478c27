package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyView;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Journeys as journey-log served them from a stack of the real services (./packet-journey send --json on the
 * eks-nginx scenario): a first journey that went through everything, one to a name that does not exist, one after
 * the caches expired and one the browser's cache answered.
 */
public final class RecordedJourneys {
    public static final String COMPLETED = "completed";
    public static final String NXDOMAIN = "nxdomain";
    public static final String CACHED = "cached";
    public static final String BROWSER_CACHE = "browser-cache";
    /** The VPC address of each ALB node of the scenario, by its public address. */
    public static final JourneyCapture.AlbNodes SCENARIO_ALB_NODES = publicIp -> java.util.Optional.ofNullable(
            java.util.Map.of("54.217.10.21", "10.0.0.10", "54.217.40.22", "10.0.32.10").get(publicIp));

    private RecordedJourneys() {
    }

    public static JourneyView read(String name) {
        try (InputStream in = RecordedJourneys.class.getResourceAsStream("/journeys/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded journey " + name);
            }
            return Json.read(in.readAllBytes(), JourneyView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded journey's events under another journey id, each event id and causation derived from it. */
    public static List<HopEvent> events(String name, String journeyId) {
        List<HopEvent> events = new ArrayList<>();
        HopEvent previous = null;
        for (HopEvent e : read(name).hops()) {
            HopEvent copy = new HopEvent(HopEvent.eventIdOf(journeyId, e.hopType()), journeyId, e.hop(),
                    previous == null ? null : previous.eventId(), e.service(), e.simStartedAt(), e.simLatencyMicros(),
                    e.wallTime(), e.schemaVersion(), e.outcome(), e.context(), e.payload());
            events.add(copy);
            previous = copy;
        }
        return events;
    }
}

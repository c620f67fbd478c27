package com.packetjourney.journeylog.service;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.journeylog.domain.JourneyStore;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds journeys from the hop topics alone. A record that cannot be read is logged and counted, never fatal:
 * the log must go on showing every other journey. Thread-safe: records arrive on the tail's thread, reads on
 * HTTP threads.
 */
public class JourneyLogService {
    private static final Logger LOG = Logger.getLogger(JourneyLogService.class);

    private final JourneyStore store;
    private final Clock wallClock;
    private long unreadable;

    public JourneyLogService(Clock wallClock, Duration stallTimeout) {
        this.wallClock = wallClock;
        this.store = new JourneyStore(stallTimeout);
    }

    /** One record of a hop topic; returns whether it added something new to a journey. */
    public synchronized boolean onHopRecord(String topic, String key, byte[] value) {
        HopEvent event;
        try {
            event = Json.read(value, HopEvent.class);
        } catch (UnreadableEventException e) {
            return skip(topic, key, e.getMessage());
        }
        if (event.eventId() == null) {
            return skip(topic, key, "no eventId, so duplicates could not be told apart");
        }
        return store.apply(event);
    }

    private boolean skip(String topic, String key, String reason) {
        unreadable++;
        LOG.warnf("skipped unreadable record %s on %s: %s", key, topic, reason);
        return false;
    }

    public synchronized Optional<JourneyView> journey(String journeyId) {
        return store.view(journeyId, wallClock.instant());
    }

    /** Up to {@code limit} journeys, most recently begun first; a null status means any. */
    public synchronized List<JourneySummary> journeys(JourneyStatus status, int limit) {
        return store.recent(status, limit, wallClock.instant()).stream().map(JourneySummary::of).toList();
    }

    public synchronized long unreadableRecords() {
        return unreadable;
    }

    public synchronized int journeyCount() {
        return store.size();
    }
}

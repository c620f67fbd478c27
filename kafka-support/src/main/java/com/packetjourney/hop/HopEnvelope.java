package com.packetjourney.hop;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.UnreadableEventException;

/**
 * Reads a record of a hop topic as the event a consumer expects there: a valid envelope of a schema version this
 * build reads, of the hop type that topic carries. Anything else is not a fact of that topic and is refused with
 * the reason, so that it goes to the consumer's dead-letter topic instead of being taken for a journey's hop.
 */
public final class HopEnvelope {
    private HopEnvelope() {
    }

    /** @throws UnreadableEventException naming what is wrong */
    public static HopEvent read(byte[] value, HopType expected) {
        HopEvent event = Json.read(value, HopEvent.class);
        if (event.schemaVersion() != HopEvent.SCHEMA_VERSION) {
            throw new UnreadableEventException("schemaVersion " + event.schemaVersion() + " is not one this service "
                    + "reads (" + HopEvent.SCHEMA_VERSION + ")");
        }
        if (event.hopType() != expected || event.hop() != expected.number()) {
            throw new UnreadableEventException("a " + event.hopType().wireName() + " event (hop " + event.hop()
                    + ") where " + expected.topic() + " carries " + expected.wireName() + " (hop "
                    + expected.number() + ")");
        }
        if (event.journeyId().isBlank()) {
            throw new UnreadableEventException("a hop event without a journey id");
        }
        return event;
    }
}

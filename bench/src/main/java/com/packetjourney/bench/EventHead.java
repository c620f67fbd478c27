package com.packetjourney.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * What the benchmark's reader needs of a hop event: its journey, hop number, wallTime and outcome status, read
 * from the head of the JSON with a streaming parser. The envelope puts these before the context and the payload,
 * which are never parsed, so the instrument takes as little as it can of the CPU it shares with the stack.
 */
record EventHead(String journeyId, int hop, String wallTime, String status) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final EventHead UNREADABLE = new EventHead(null, -1, null, null);

    static EventHead of(byte[] value) {
        String journeyId = null;
        String wallTime = null;
        String status = null;
        int hop = -1;
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return UNREADABLE;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME
                    && (journeyId == null || hop < 0 || wallTime == null || status == null)) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                switch (field) {
                    case "journeyId" -> journeyId = p.getValueAsString();
                    case "hop" -> hop = p.getValueAsInt(-1);
                    case "wallTime" -> wallTime = p.getValueAsString();
                    case "outcome" -> status = token == JsonToken.START_OBJECT ? statusOf(p) : null;
                    default -> p.skipChildren();
                }
            }
            return new EventHead(journeyId, hop, wallTime, status);
        } catch (IOException e) {
            return UNREADABLE;
        }
    }

    private static String statusOf(JsonParser p) throws IOException {
        String status = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("status")) {
                status = p.getValueAsString();
            } else {
                p.skipChildren();
            }
        }
        return status;
    }
}

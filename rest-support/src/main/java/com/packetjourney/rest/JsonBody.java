package com.packetjourney.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Refused;

import java.io.IOException;

/**
 * One field of a small JSON body read by hand, where the API validates the value itself instead of letting JSON
 * binding coerce it (a replica count must be a whole number, not "3" or 3.5).
 */
public final class JsonBody {
    private JsonBody() {
    }

    /** The field's value, never null or JSON null; refused naming the field when the body or the field is missing. */
    public static JsonNode field(String body, String field) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            throw Refused.invalid(field, "the body is not JSON: " + e.getMessage());
        }
        JsonNode value = json == null ? null : json.get(field);
        if (value == null || value.isNull()) {
            throw Refused.invalid(field, field + " is required");
        }
        return value;
    }
}

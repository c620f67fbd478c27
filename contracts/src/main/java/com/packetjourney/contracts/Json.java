package com.packetjourney.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.UncheckedIOException;

/** The one JSON mapping used on the wire: ISO-8601 instants, sorted map keys, so equal events give equal bytes. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a value; a malformed or mismatching document throws {@link UnreadableEventException} with the reason. */
    public static <T> T read(String json, Class<T> type) {
        return parse(() -> MAPPER.readValue(json, type), type);
    }

    /** As {@link #read(String, Class)}, parsing the UTF-8 bytes as they are (no String in between). */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new UnreadableEventException("empty record, expected " + type.getSimpleName());
        }
        return parse(() -> MAPPER.readValue(json, type), type);
    }

    /** As {@link #read(byte[], Class)}, for a generic type (such as a watch event of pods). */
    public static <T> T read(byte[] json, JavaType type) {
        String name = type.getRawClass().getSimpleName();
        if (json == null || json.length == 0) {
            throw new UnreadableEventException("empty record, expected " + name);
        }
        return parse(() -> MAPPER.readValue(json, type), name);
    }

    private interface Parse<T> {
        T run() throws java.io.IOException;
    }

    private static <T> T parse(Parse<T> parse, Class<T> type) {
        return parse(parse, type.getSimpleName());
    }

    private static <T> T parse(Parse<T> parse, String typeName) {
        try {
            T value = parse.run();
            if (value == null) {
                throw new UnreadableEventException("empty record, expected " + typeName);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("not a valid " + typeName + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new UnreadableEventException("not a valid " + typeName + ": " + e.getMessage());
        }
    }
}

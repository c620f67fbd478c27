package com.packetjourney.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.packetjourney.contracts.Json;
import picocli.CommandLine.Option;

/**
 * -o text|json|yaml, shared by every command that prints data (--json is kept as a hidden alias of -o json).
 * JSON and YAML carry the same document, as the services serve it; text is for people.
 */
final class Output {
    enum Format { text, json, yaml }

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json or yaml")
    Format format;

    @Option(names = "--json", hidden = true, description = "the same as -o json")
    boolean json;

    Format format() {
        return json ? Format.json : format;
    }

    boolean isText() {
        return format() == Format.text;
    }

    /** The document in the chosen machine format (for text, the caller renders its own). */
    String document(Object value) {
        JsonNode tree = value instanceof JsonNode n ? n : Json.mapper().valueToTree(value);
        return format() == Format.yaml ? yaml(tree) : prettyJson(tree);
    }

    /** One document of a stream: a JSON line, or a YAML document after its "---". */
    String streamed(Object value) {
        JsonNode tree = value instanceof JsonNode n ? n : Json.mapper().valueToTree(value);
        return format() == Format.yaml ? "---\n" + yaml(tree) : Json.write(tree) + "\n";
    }

    static String prettyJson(JsonNode tree) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String yaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

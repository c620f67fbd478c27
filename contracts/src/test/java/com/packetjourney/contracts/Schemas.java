package com.packetjourney.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Loads the JSON Schemas from the classpath, validates documents against them, and compares them with records. */
final class Schemas {
    static final String ROOT = "schemas/";

    /** The schema (file, and pointer for one kind of K8sObject) of the value on each world topic. */
    static final Map<String, String> WORLD_BY_TOPIC = Map.ofEntries(
            entry(Topics.WORLD_SIMULATION, "world/simulation.schema.json"),
            entry(Topics.WORLD_CLIENTS, "world/client-device.schema.json"),
            entry(Topics.WORLD_LANS, "world/lan-segment.schema.json"),
            entry(Topics.WORLD_DNS_ZONES, "world/dns-zone.schema.json"),
            entry(Topics.WORLD_AUTONOMOUS_SYSTEMS, "world/autonomous-system.schema.json"),
            entry(Topics.WORLD_LOAD_BALANCERS, "world/load-balancer.schema.json"),
            entry(Topics.WORLD_K8S_MANIFESTS, "world/k8s-object.schema.json"),
            entry(Topics.DHCP_LEASES, "world/dhcp-lease.schema.json"),
            entry(Topics.K8S_NODES, "world/k8s-object.schema.json#/$defs/Node"),
            entry(Topics.K8S_PODS, "world/pod-watch-event.schema.json"),
            entry(Topics.K8S_SERVICES, "world/k8s-object.schema.json#/$defs/Service"),
            entry(Topics.K8S_INGRESSES, "world/k8s-object.schema.json#/$defs/Ingress"),
            entry(Topics.CNI_POD_NETWORKS, "world/pod-network.schema.json"),
            entry(Topics.ALB_CONFIG, "world/alb-config.schema.json"),
            entry(Topics.ALB_TARGETS, "world/target-registration.schema.json"),
            entry(Topics.CNI_ENIS, "world/eni-attachment.schema.json"),
            entry(Topics.WORLD_POD_SLOWNESS, "world/pod-slowness.schema.json"),
            entry(Topics.WORLD_DNS_CACHE_FLUSHES, "world/dns-cache-flush.schema.json"));

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // In 2020-12 "format" only annotates by default; asserting it makes a malformed instant or IP address fail.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private Schemas() {
    }

    static String hopPath(HopType type) {
        return "hop/" + type.wireName() + ".schema.json";
    }

    /** A schema by its path under schemas/, optionally with a #fragment; relative $refs resolve on the classpath. */
    static JsonSchema load(String path) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + ROOT + path), CONFIG);
    }

    static Set<ValidationMessage> validate(String path, String json) {
        return load(path).validate(json, InputFormat.JSON);
    }

    static boolean exists(String path) {
        return Schemas.class.getClassLoader().getResource(ROOT + path) != null;
    }

    /** The raw schema document, to compare its declarations with the Java types. */
    static JsonNode document(String path) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            assertThat(in).as("schema " + path).isNotNull();
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }

    static List<String> propertyNames(JsonNode objectSchema) {
        List<String> names = new ArrayList<>();
        objectSchema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> componentNames(Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    /**
     * Asserts that {@code $defs/<SimpleName>} of {@code document} declares exactly the record's components, in
     * declaration order (the order Jackson writes them), all required and no others allowed; then does the same
     * for every record nested in it (directly or as list elements). {@code leading} are properties written before
     * the components, such as a type discriminator.
     */
    static void assertDefDeclares(JsonNode document, Class<?> record, List<String> leading) {
        assertDeclares(document, document.path("$defs").path(record.getSimpleName()), record, leading, new HashSet<>());
    }

    /** As {@link #assertDefDeclares}, for a document whose root is the record. */
    static void assertRootDeclares(JsonNode document, Class<?> record) {
        assertDeclares(document, document, record, List.of(), new HashSet<>());
    }

    private static void assertDeclares(JsonNode document, JsonNode def, Class<?> record, List<String> leading,
                                       Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        assertThat(def.isMissingNode()).as("schema of " + record.getName()).isFalse();
        List<String> expected = new ArrayList<>(leading);
        expected.addAll(componentNames(record));
        assertThat(propertyNames(def)).as(record.getName() + " properties").containsExactlyElementsOf(expected);
        assertThat(texts(def.path("required"))).as(record.getName() + " required").containsExactlyElementsOf(expected);
        assertThat(def.path("additionalProperties").asBoolean(true)).as(record.getName() + " closed").isFalse();
        for (RecordComponent c : record.getRecordComponents()) {
            Class<?> nested = recordIn(c.getGenericType());
            if (nested != null) {
                assertDeclares(document, document.path("$defs").path(nested.getSimpleName()), nested, List.of(), seen);
            }
        }
    }

    private static Class<?> recordIn(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord() ? c : null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return recordIn(p.getActualTypeArguments()[0]);
        }
        return null;
    }
}

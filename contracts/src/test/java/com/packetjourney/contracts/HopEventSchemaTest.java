package com.packetjourney.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import com.packetjourney.contracts.hop.JourneyRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Every hop event the Java writes is valid against its type's JSON Schema, and drift from the records is caught. */
class HopEventSchemaTest {

    @Test
    void everyHopTypeHasASchemaThatNamesItsTypeServiceSequenceAndFailureCodes() {
        for (HopType type : HopType.values()) {
            assertThat(Schemas.exists(Schemas.hopPath(type))).as("schema of " + type).isTrue();
            // allOf rather than $ref beside properties: draft-07 tools (the AsyncAPI parser) ignore $ref siblings.
            JsonNode schema = Schemas.document(Schemas.hopPath(type));
            assertThat(schema.at("/allOf/0/$ref").asText()).as(type + " envelope").isEqualTo("envelope.schema.json");
            JsonNode properties = schema.at("/allOf/1/properties");
            assertThat(properties.at("/type/const").asText()).as(type + " type").isEqualTo(type.wireName());
            assertThat(properties.at("/service/const").asText()).as(type + " service").isEqualTo(type.service());
            assertThat(properties.at("/hop/const").asInt(-1)).as(type + " hop").isEqualTo(type.number());
            assertThat(properties.at("/payload/$ref").asText()).as(type + " payload")
                    .isEqualTo("#/$defs/" + type.payloadType().getSimpleName());
            List<String> codes = Arrays.stream(FailureCode.values()).filter(c -> c.hop() == type).map(Enum::name).toList();
            assertThat(Schemas.texts(properties.at("/outcome/properties/code/enum"))).as(type + " failure codes")
                    .containsExactlyElementsOf(codes);
        }
    }

    @ParameterizedTest
    @EnumSource(HopType.class)
    void theSchemaDeclaresExactlyThePayloadRecordsComponents(HopType type) {
        Schemas.assertDefDeclares(Schemas.document(Schemas.hopPath(type)), type.payloadType(), List.of());
    }

    @Test
    void theEnvelopeDeclaresExactlyWhatHopEventWrites() {
        JsonNode envelope = Schemas.document("hop/envelope.schema.json");
        List<String> written = List.of(HopEvent.class.getAnnotation(JsonPropertyOrder.class).value());
        assertThat(Schemas.propertyNames(envelope)).containsExactlyElementsOf(written);
        assertThat(Schemas.texts(envelope.path("required"))).containsExactlyElementsOf(written);
        assertThat(Schemas.texts(envelope.at("/properties/type/enum")))
                .containsExactlyElementsOf(Arrays.stream(HopType.values()).map(HopType::wireName).toList());
        assertThat(Schemas.texts(envelope.at("/properties/service/enum")))
                .containsExactlyElementsOf(Arrays.stream(HopType.values()).map(HopType::service).toList());
        assertThat(Schemas.texts(envelope.at("/$defs/Outcome/properties/code/enum")))
                .containsExactlyElementsOf(Arrays.stream(FailureCode.values()).map(Enum::name).toList());
        assertThat(Schemas.texts(envelope.at("/$defs/Outcome/properties/status/enum")))
                .containsExactlyElementsOf(Arrays.stream(Outcome.Status.values()).map(Enum::name).toList());
        // NON_NULL records: every component declared; Outcome also carries "ok", which Jackson takes from isOk().
        List<String> outcome = new ArrayList<>(Schemas.componentNames(Outcome.class));
        outcome.add("ok");
        assertThat(Schemas.propertyNames(envelope.at("/$defs/Outcome"))).containsExactlyElementsOf(outcome);
        assertThat(Schemas.propertyNames(envelope.at("/$defs/JourneyContext")))
                .containsExactlyElementsOf(Schemas.componentNames(JourneyContext.class));
        assertThat(envelope.at("/$defs/JourneyContext/required").isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(HopType.class)
    void aCompletePayloadIsValid(HopType type) {
        HopEvent event = HopEventSamples.ok(type);
        assertThat(event.hopType()).isEqualTo(type);
        assertValid(event);
    }

    @ParameterizedTest
    @EnumSource(HopType.class)
    void aFailedHopWithAPartialPayloadIsValid(HopType type) {
        HopEvent event = HopEventSamples.failed(type);
        assertThat(event.hopType()).isEqualTo(type);
        assertThat(event.outcome().isOk()).isFalse();
        assertValid(event);
    }

    @Test
    void anEventWithoutContextOrWallTimeIsValid() {
        HopEvent sample = HopEventSamples.ok(HopType.JOURNEY_REQUESTED);
        HopEvent bare = new HopEvent(sample.eventId(), sample.journeyId(), sample.hop(), null, sample.service(),
                sample.simStartedAt(), 0, null, HopEvent.SCHEMA_VERSION, Outcome.ok(), null,
                new JourneyRequested(null, null, null, null));
        assertValid(bare);
    }

    @ParameterizedTest
    @EnumSource(HopType.class)
    void anotherHopsTypeIsRejected(HopType type) {
        HopType other = HopType.values()[(type.ordinal() + 1) % HopType.values().length];
        assertInvalid(type, e -> e.put("type", other.wireName()), "/type");
    }

    @ParameterizedTest
    @EnumSource(HopType.class)
    void anotherHopsServiceOrSequenceIsRejected(HopType type) {
        HopType other = HopType.values()[(type.ordinal() + 1) % HopType.values().length];
        assertInvalid(type, e -> e.put("service", other.service()), "/service");
        assertInvalid(type, e -> e.put("hop", other.number()), "/hop");
    }

    @ParameterizedTest
    @EnumSource(HopType.class)
    void aMissingPayloadFieldIsRejected(HopType type) {
        String first = Schemas.componentNames(type.payloadType()).get(0);
        assertInvalid(type, e -> ((ObjectNode) e.get("payload")).remove(first), first);
    }

    @ParameterizedTest
    @EnumSource(HopType.class)
    void anUnknownPayloadOrEnvelopeFieldIsRejected(HopType type) {
        assertInvalid(type, e -> ((ObjectNode) e.get("payload")).put("surprise", 1), "surprise");
        assertInvalid(type, e -> e.put("surprise", 1), "surprise");
    }

    @ParameterizedTest
    @EnumSource(HopType.class)
    void aFailureCodeOwnedByAnotherHopIsRejected(HopType type) {
        FailureCode foreign = Arrays.stream(FailureCode.values()).filter(c -> c.hop() != type).findFirst().orElseThrow();
        assertInvalid(type, e -> e.putObject("outcome").put("status", "FAILED").put("code", foreign.name())
                .put("message", "wrong hop").put("ok", false), "/outcome/code");
    }

    @Test
    void anOutcomeMustNameItsCodeExactlyWhenItFailed() {
        assertInvalid(HopType.DNS_RESOLVED, e -> e.putObject("outcome").put("status", "FAILED").put("ok", false),
                "/outcome");
        assertInvalid(HopType.DNS_RESOLVED, e -> e.putObject("outcome").put("status", "OK").put("ok", true)
                .put("code", FailureCode.DNS_NXDOMAIN.name()), "/outcome");
        assertInvalid(HopType.DNS_RESOLVED, e -> e.putObject("outcome").put("status", "MAYBE").put("ok", true),
                "/outcome/status");
        assertInvalid(HopType.DNS_RESOLVED, e -> e.putObject("outcome").put("status", "OK").put("ok", false),
                "/outcome/ok");
    }

    @Test
    void envelopeValuesAreChecked() {
        assertInvalid(HopType.DNS_RESOLVED, e -> e.put("simStartedAt", "yesterday"), "/simStartedAt");
        assertInvalid(HopType.DNS_RESOLVED, e -> e.put("simLatencyMicros", -1), "/simLatencyMicros");
        assertInvalid(HopType.DNS_RESOLVED, e -> e.put("schemaVersion", 2), "/schemaVersion");
        assertInvalid(HopType.DNS_RESOLVED, e -> e.putNull("causationId"), "/causationId");
        assertInvalid(HopType.JOURNEY_REQUESTED, e -> e.put("causationId", e.get("eventId").asText()), "/causationId");
        assertInvalid(HopType.DNS_RESOLVED, e -> e.remove("payload"), "payload");
        assertInvalid(HopType.DNS_RESOLVED, e -> ((ObjectNode) e.get("context")).put("clientIp", "192.168.1"),
                "/context/clientIp");
        assertInvalid(HopType.DNS_RESOLVED, e -> ((ObjectNode) e.get("context")).put("vlan", 7), "vlan");
    }

    @Test
    void payloadValuesAreChecked() {
        assertInvalid(HopType.DNS_RESOLVED, e -> ((ObjectNode) e.get("payload")).put("address", "not-an-ip"),
                "/payload/address");
        assertInvalid(HopType.DNS_RESOLVED, e -> ((ObjectNode) e.at("/payload/steps/0")).put("kind", "GUESS"),
                "/payload/steps/0/kind");
        assertInvalid(HopType.DHCP_CONFIGURED, e -> ((ObjectNode) e.get("payload")).put("mode", "MAGIC"),
                "/payload/mode");
        assertInvalid(HopType.PACKET_ROUTED, e -> ((ObjectNode) e.get("payload")).putNull("destinationPort"),
                "/payload/destinationPort");
        assertInvalid(HopType.POD_RESPONDED, e -> ((ObjectNode) e.get("payload")).put("status", "200"),
                "/payload/status");
        assertInvalid(HopType.ALB_FORWARDED, e -> ((ObjectNode) e.at("/payload/target")).remove("registeredBy"),
                "registeredBy");
    }

    @Test
    void samplesAreTheJourneyOfOneRequest() {
        HopEvent previous = null;
        for (HopType type : HopType.values()) {
            HopEvent event = HopEventSamples.ok(type);
            if (previous != null) {
                assertThat(event.causationId()).isEqualTo(previous.eventId());
                assertThat(event.simStartedAt()).isEqualTo(previous.simEndedAt());
            }
            previous = event;
        }
        assertThat(previous.simEndedAt()).isAfter(Instant.parse("2026-01-01T09:00:00Z"));
    }

    private static void assertValid(HopEvent event) {
        String json = Json.write(event);
        assertThat(Schemas.validate(Schemas.hopPath(event.hopType()), json)).as(json).isEmpty();
    }

    /** Mutates the complete sample of {@code type} and expects a validation message mentioning {@code where}. */
    private static void assertInvalid(HopType type, Consumer<ObjectNode> mutation, String where) {
        ObjectNode event = tree(HopEventSamples.ok(type));
        mutation.accept(event);
        Set<ValidationMessage> messages = Schemas.validate(Schemas.hopPath(type), Json.write(event));
        assertThat(messages).as("%s mutated at %s", type, where).isNotEmpty()
                .anySatisfy(m -> assertThat(m.getInstanceLocation() + " " + m.getMessage()).contains(where));
    }

    private static ObjectNode tree(HopEvent event) {
        try {
            return (ObjectNode) Json.mapper().readTree(Json.write(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

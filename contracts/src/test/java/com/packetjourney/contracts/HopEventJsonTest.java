package com.packetjourney.contracts;

import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.JourneyRequested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HopEventJsonTest {

    private final HopEvent requested = HopEvent.first("j-1", Instant.parse("2026-01-01T00:00:00Z"), 1200,
            Instant.parse("2026-11-26T10:00:00Z"), Outcome.ok(),
            JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com", 443, "/", "laptop",
                    "3c:22:fb:12:34:56"),
            new JourneyRequested("https://packet-journey.com/", "GET", "laptop", "3c:22:fb:12:34:56"));

    @Test
    void theTypeOnTheWireSelectsThePayloadRecord() {
        String json = Json.write(requested);
        assertThat(json).contains("\"type\":\"journey.requested\"");
        HopEvent back = Json.read(json, HopEvent.class);
        assertThat(back).isEqualTo(requested);
        assertThat(back.hopType()).isEqualTo(HopType.JOURNEY_REQUESTED);
    }

    @Test
    void theNextHopStartsWhenThePreviousEndedAndNamesItsCause() {
        DhcpConfigured dhcp = new DhcpConfigured("192.168.1.1", DhcpConfigured.MODE_LEASE_VALID, List.of(), null, List.of());
        HopEvent next = requested.next(500, Instant.now(), Outcome.ok(), requested.context(), dhcp);
        assertThat(next.causationId()).isEqualTo(requested.eventId());
        assertThat(next.hop()).isEqualTo(1);
        assertThat(next.simStartedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.001200Z"));
        assertThat(next.service()).isEqualTo("dhcp-server");
        assertThat(Json.read(Json.write(next), HopEvent.class)).isEqualTo(next);
    }

    @Test
    void eventIdsAreStablePerJourneyAndHop() {
        assertThat(HopEvent.eventIdOf("j-1", HopType.DNS_RESOLVED)).isEqualTo(HopEvent.eventIdOf("j-1", HopType.DNS_RESOLVED))
                .isNotEqualTo(HopEvent.eventIdOf("j-2", HopType.DNS_RESOLVED))
                .isNotEqualTo(HopEvent.eventIdOf("j-1", HopType.DHCP_CONFIGURED));
    }

    @Test
    void anUnreadableRecordIsNamedAsSuch() {
        assertThatThrownBy(() -> Json.read("{not json", HopEvent.class)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("HopEvent");
        assertThatThrownBy(() -> Json.read("{\"journeyId\":\"x\",\"type\":\"no.such\",\"payload\":{}}", HopEvent.class))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void fieldsInAnyOrderReadTheSameAsTheWrittenOrderAndBytesTheSameAsText() {
        com.fasterxml.jackson.databind.node.ObjectNode tree = Json.mapper().valueToTree(requested);
        // the payload before its type, an unknown field in between: as another writer might send it
        com.fasterxml.jackson.databind.node.ObjectNode reordered = Json.mapper().createObjectNode();
        reordered.set("payload", tree.get("payload"));
        reordered.put("addedLater", "ignored");
        tree.fieldNames().forEachRemaining(f -> {
            if (!f.equals("payload")) {
                reordered.set(f, tree.get(f));
            }
        });
        String json = reordered.toString();
        assertThat(json.indexOf("\"payload\"")).isLessThan(json.indexOf("\"type\""));

        assertThat(Json.read(json, HopEvent.class)).isEqualTo(requested);
        assertThat(Json.read(Json.writeBytes(requested), HopEvent.class)).isEqualTo(requested);
    }

    @Test
    void anEnvelopeWithoutWhatEveryHopNeedsIsUnreadable() {
        String json = Json.write(requested);
        assertThatThrownBy(() -> Json.read(json.replace("\"journeyId\":\"j-1\",", ""), HopEvent.class))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("journeyId");
        assertThatThrownBy(() -> Json.read(json.replace("\"type\":\"journey.requested\",", ""), HopEvent.class))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> Json.read("[]", HopEvent.class)).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> Json.read(new byte[0], HopEvent.class)).isInstanceOf(UnreadableEventException.class);
    }
}

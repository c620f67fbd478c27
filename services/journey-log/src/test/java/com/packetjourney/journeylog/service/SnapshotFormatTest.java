package com.packetjourney.journeylog.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopDefinition;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.journeylog.domain.IndexedJourney;
import com.packetjourney.journeylog.domain.JourneyFixtures;
import com.packetjourney.journeylog.domain.LogPosition;
import com.packetjourney.journeylog.domain.PartitionSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots identify hops by their fixed numbers, say their format, and refuse a format they do not know. */
class SnapshotFormatTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(WALL, ZoneOffset.UTC);

    private static JourneyLogService loaded() {
        JourneyLogService service = new JourneyLogService(CLOCK, Duration.ofSeconds(30));
        Map<String, Long> nextOffset = new HashMap<>();
        List<List<HopEvent>> journeys = List.of(JourneyFixtures.completed("a", WALL),
                JourneyFixtures.failedAtDns("b", WALL), JourneyFixtures.completed("c", WALL).subList(0, 3));
        for (List<HopEvent> journey : journeys) {
            for (HopEvent e : journey) {
                String topic = e.hopType().topic();
                long offset = nextOffset.merge(topic, 1L, Long::sum) - 1;
                service.onHopRecord(topic, 0, offset, e.journeyId(), Json.write(e).getBytes(StandardCharsets.UTF_8));
            }
        }
        return service;
    }

    @Test
    void aPackedPositionHoldsTheHopsFixedNumber() {
        // written into every snapshot since the first: the format must not move
        assertThat(new LogPosition(HopType.DNS_RESOLVED, 2, 7).packed()).isEqualTo((2L << 60) | (2L << 40) | 7);
        assertThat(LogPosition.unpack((5L << 60) | (1L << 40) | 42))
                .isEqualTo(new LogPosition(HopType.POD_RESPONDED, 1, 42));
    }

    @Test
    void aSnapshotWrittenBeforeFormatVersionsRestoresTheSameJourneys() {
        JourneyLogService before = loaded();
        PartitionSnapshot current = before.snapshot(0);
        assertThat(current.formatVersion()).isEqualTo(PartitionSnapshot.FORMAT_VERSION);

        ObjectNode json = (ObjectNode) Json.mapper().valueToTree(current);
        json.remove("formatVersion");
        PartitionSnapshot format1 = Json.read(json.toString(), PartitionSnapshot.class);
        assertThat(format1.formatVersion()).isZero();

        JourneyLogService after = new JourneyLogService(CLOCK, Duration.ofSeconds(30));
        after.restore(format1.inCurrentFormat().orElseThrow());
        for (String id : List.of("a", "b", "c")) {
            assertThat(after.journey(id)).isEqualTo(before.journey(id));
        }
        assertThat(after.snapshot(0)).isEqualTo(current);
    }

    @Test
    void aSnapshotOfAnUnknownFormatIsRefused() {
        ObjectNode json = (ObjectNode) Json.mapper().valueToTree(loaded().snapshot(0));
        json.put("formatVersion", PartitionSnapshot.FORMAT_VERSION + 1);
        assertThat(Json.read(json.toString(), PartitionSnapshot.class).inCurrentFormat()).isEmpty();
    }

    @Test
    void aSnapshotReadsTheSameUnderAChainWithAnInsertedHop() {
        HopChain withWifi = HopChain.STANDARD.inserting(1, new HopDefinition(6, "wifi.associated", "wifi-ap",
                "pj.hop.wifi", "Wi-Fi association", "The laptop associates with the access point"));
        PartitionSnapshot snapshot = loaded().snapshot(0);
        for (IndexedJourney entry : snapshot.journeys()) {
            for (LogPosition position : entry.logPositions()) {
                assertThat(withWifi.byNumber(position.hop().number())).contains(position.hop().definition());
            }
            for (HopType type : HopType.values()) {
                assertThat(entry.latencyMicros(type.number())).isEqualTo(entry.hopLatencyMicros()[type.number()]);
            }
        }
    }
}

package com.packetjourney.journeylog.service;

import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.journeylog.domain.JourneyFixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyLogServiceTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");

    private final JourneyLogService service = new JourneyLogService(Clock.fixed(WALL, ZoneOffset.UTC),
            Duration.ofSeconds(30));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unreadableRecordsAreCountedAndTheRestIsStillRead() {
        assertThat(service.onHopRecord(Topics.DNS, 0, 0, "x", bytes("{not json"))).isFalse();
        assertThat(service.onHopRecord(Topics.DNS, 0, 1, "x", null)).isFalse();
        JourneyFixtures.completed("j-1", WALL).forEach(e ->
                service.onHopRecord(e.hopType().topic(), 0, e.hop(), e.journeyId(), bytes(Json.write(e))));

        assertThat(service.unreadableRecords()).isEqualTo(2);
        assertThat(service.journey("j-1")).get().extracting(v -> v.hops().size()).isEqualTo(6);
    }

    @Test
    void summariesLeaveTheHopsOut() {
        JourneyFixtures.failedAtDns("j-2", WALL).forEach(e ->
                service.onHopRecord(e.hopType().topic(), 0, e.hop(), e.journeyId(), bytes(Json.write(e))));
        assertThat(service.journeys(JourneyStatus.FAILED, 5)).singleElement().satisfies(s -> {
            assertThat(s.journeyId()).isEqualTo("j-2");
            assertThat(s.hopCount()).isEqualTo(3);
            assertThat(s.failedHop()).isEqualTo("dns.resolved");
        });
        assertThat(Json.write(service.journeys(null, 5))).doesNotContain("\"hops\"");
    }
}

package com.packetjourney.laptop.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClientClocksTest {
    private static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");

    @Test
    void aClientsClockIsTheEpochUntilItsFirstJourneyThenItsLatestStart() {
        ClientClocks clocks = new ClientClocks();
        assertThat(clocks.now("laptop", EPOCH)).isEqualTo(EPOCH);
        assertThat(clocks.now("laptop", null)).isNull();
        clocks.started("laptop", EPOCH.plusSeconds(120));
        clocks.started("laptop", EPOCH.plusSeconds(60));
        assertThat(clocks.now("laptop", EPOCH)).isEqualTo(EPOCH.plusSeconds(120));
        assertThat(clocks.now("phone", EPOCH)).isEqualTo(EPOCH);
    }
}

package com.packetjourney.laptop.domain;

import com.packetjourney.contracts.Refused;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedDelayTest {
    private static void assertInvalid(String text, String detailPart) {
        assertThatThrownBy(() -> SimulatedDelay.parse(text)).isInstanceOfSatisfying(Refused.class, e -> {
            assertThat(e.field()).isEqualTo("after");
            assertThat(e.getMessage()).contains(detailPart);
        });
    }

    @Test
    void isoDurationsAsJavaTimeReadsThem() {
        // ISO 8601 / java.time.Duration: PnDTnHnMn.nS
        assertThat(SimulatedDelay.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(SimulatedDelay.parse("P1DT2H")).isEqualTo(Duration.ofHours(26));
        assertThat(SimulatedDelay.parse("pt1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(SimulatedDelay.parse(" PT0S ")).isZero();
    }

    @Test
    void shorthandUnitsAreDaysHoursMinutesSecondsAndMayBeCombined() {
        assertThat(SimulatedDelay.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(SimulatedDelay.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SimulatedDelay.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(SimulatedDelay.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(SimulatedDelay.parse("1H30M")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        assertInvalid("10", "not a duration");
        assertInvalid("10 minutes", "not a duration");
        assertInvalid("1w", "not a duration");
        assertInvalid("", "not a duration");
        assertInvalid("P1M", "not a duration");
        assertInvalid("-PT5M", "negative");
        assertInvalid("99999999999999999999d", "too long");
    }
}

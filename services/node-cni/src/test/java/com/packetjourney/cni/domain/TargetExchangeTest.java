package com.packetjourney.cni.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ALB's answers for its targets' failures, with the ELB User Guide's figures (10 s connect, 60 s idle). */
class TargetExchangeTest {

    @Test
    void anUnansweredSynIs504AfterTheTenSecondConnectionTimeout() {
        TargetExchange e = TargetExchange.unanswered("10.0.9.9:80");
        assertThat(e.status()).isEqualTo(504);
        assertThat(e.elapsedMicros()).isEqualTo(10_000_000L);
        assertThat(e.explanation()).contains("10 s connection timeout");
    }

    @Test
    void aResetIs502AfterOneRoundTrip() {
        TargetExchange e = TargetExchange.reset("10.0.1.20:8080", 300);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.elapsedMicros()).isEqualTo(300);
    }

    @Test
    void aTargetSlowerThanTheIdleTimeoutIs504WhenTheTimeoutExpires() {
        long idle = TargetExchange.DEFAULT_IDLE_TIMEOUT_MICROS;
        assertThat(idle).isEqualTo(60_000_000L);
        TargetExchange slow = TargetExchange.answered("10.0.1.20:80", 200, 61_000_000L, idle);
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.elapsedMicros()).isEqualTo(idle);
        TargetExchange inTime = TargetExchange.answered("10.0.1.20:80", 200, 59_000_000L, idle);
        assertThat(inTime.status()).isEqualTo(200);
        assertThat(inTime.elapsedMicros()).isEqualTo(59_000_000L);
        assertThat(inTime.isGatewayError()).isFalse();
        assertThat(slow.isGatewayError()).isTrue();
    }
}

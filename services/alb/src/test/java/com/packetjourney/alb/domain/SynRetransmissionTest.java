package com.packetjourney.alb.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SynRetransmissionTest {

    @Test
    void linuxRetransmitsSixTimesDoublingFromOneSecondAndGivesUpAt127Seconds() {
        // RFC 6298 §2.1 (initial RTO 1 s), §5.5 (double it on each expiry); Linux tcp_syn_retries = 6
        SynRetransmission linux = SynRetransmission.LINUX;
        assertThat(linux.sendOffsetsMicros()).containsExactly(0L, 1_000_000L, 3_000_000L, 7_000_000L, 15_000_000L,
                31_000_000L, 63_000_000L);
        assertThat(linux.giveUpMicros()).isEqualTo(127_000_000L);
        assertThat(linux.synsSent()).isEqualTo(7);
    }

    @Test
    void fewerRetriesGiveUpSooner() {
        // 1 + 2 + 4 + 8: three retransmissions and the last timer
        assertThat(new SynRetransmission(1_000_000, 3).giveUpMicros()).isEqualTo(15_000_000L);
        assertThat(new SynRetransmission(1_000_000, 0).giveUpMicros()).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> new SynRetransmission(0, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySynKeepsItsSequenceNumberAndSaysWhichRetransmissionItIs() {
        var lines = SynRetransmission.LINUX.lines("198.51.100.23:50123", "54.217.10.21:443", 42);
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("0 s SYN 198.51.100.23:50123 > 54.217.10.21:443 seq=42");
        assertThat(lines.get(6)).isEqualTo("63 s SYN 198.51.100.23:50123 > 54.217.10.21:443 seq=42 "
                + "(retransmission 6, RTO 32 s)");
        assertThat(lines.get(7)).isEqualTo("127 s no SYN-ACK after 7 SYNs: connect() fails with ETIMEDOUT");
    }
}

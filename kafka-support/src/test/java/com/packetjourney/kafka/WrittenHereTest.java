package com.packetjourney.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrittenHereTest {
    @Test
    void aNotedRecordIsSkippedOnceWhenReadBackAndAnyOtherIsApplied() {
        WrittenHere written = new WrittenHere();
        written.note("journey-1");

        assertThat(written.readBack("journey-2")).as("written by another instance").isFalse();
        assertThat(written.readBack("journey-1")).isTrue();
        assertThat(written.readBack("journey-1")).as("a second record of the same key, e.g. a redelivery").isFalse();
        assertThat(written.readBack(null)).isFalse();
        assertThat(written.pending()).isZero();
    }
}

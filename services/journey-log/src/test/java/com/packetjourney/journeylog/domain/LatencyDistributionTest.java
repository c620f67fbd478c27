package com.packetjourney.journeylog.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyDistributionTest {

    /** The nearest-rank method's textbook example: 15, 20, 35, 40, 50. */
    @Test
    void nearestRankOfTheTextbookExample() {
        long[] sorted = {15, 20, 35, 40, 50};
        assertThat(LatencyDistribution.percentile(sorted, 5)).isEqualTo(15);
        assertThat(LatencyDistribution.percentile(sorted, 30)).isEqualTo(20);
        assertThat(LatencyDistribution.percentile(sorted, 40)).isEqualTo(20);
        assertThat(LatencyDistribution.percentile(sorted, 50)).isEqualTo(35);
        assertThat(LatencyDistribution.percentile(sorted, 100)).isEqualTo(50);
    }

    @Test
    void summarisesUnsortedValues() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = (i * 37) % 100 + 1;
        }
        assertThat(LatencyDistribution.of(values)).isEqualTo(new LatencyDistribution(100, 1, 50, 90, 99, 100));
    }

    @Test
    void nothingMeasuredIsAllZero() {
        assertThat(LatencyDistribution.of(new long[0])).isEqualTo(LatencyDistribution.EMPTY);
        assertThat(LatencyDistribution.of(new long[]{7})).isEqualTo(new LatencyDistribution(1, 7, 7, 7, 7, 7));
    }

    @Test
    void percentilesOutsideTheRangeAreRejected() {
        assertThatThrownBy(() -> LatencyDistribution.percentile(new long[]{1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package com.packetjourney.k8s.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollingUpdateTest {

    @Test
    void theDefaultsAre25PercentSurgeRoundedUpAndUnavailabilityRoundedDown() {
        // the Deployment docs' example: 10 replicas, 25% -> at most 13 pods, at least 8 available
        assertThat(RollingUpdate.defaults(10)).isEqualTo(new RollingUpdate(3, 2));
        assertThat(RollingUpdate.defaults(4)).isEqualTo(new RollingUpdate(1, 1));
        assertThat(RollingUpdate.defaults(3)).isEqualTo(new RollingUpdate(1, 0));
        assertThat(RollingUpdate.defaults(1)).isEqualTo(new RollingUpdate(1, 0));
    }

    @Test
    void whenBothRoundToZeroOnePodMayBeUnavailable() {
        assertThat(RollingUpdate.defaults(0)).isEqualTo(new RollingUpdate(0, 1));
    }

    @Test
    void theNewReplicaSetGrowsWithinTheSurge() {
        RollingUpdate strategy = RollingUpdate.defaults(10);
        assertThat(strategy.scaleUp(10, 0, 10)).isEqualTo(3);
        assertThat(strategy.scaleUp(10, 3, 10)).isZero();
        assertThat(strategy.scaleUp(10, 3, 5)).isEqualTo(5);
        assertThat(strategy.scaleUp(10, 9, 0)).as("never beyond the replicas").isEqualTo(1);
        assertThat(strategy.minAvailable(10)).isEqualTo(8);
    }
}

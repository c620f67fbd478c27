package com.packetjourney.cni.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubnetTest {

    @Test
    void theFirstFourAndTheLastAddressAreReservedByAws() {
        Subnet subnet = new Subnet("10.0.0.0/19");
        assertThat(subnet.contains("10.0.0.3")).isFalse();
        assertThat(subnet.contains("10.0.0.4")).isTrue();
        assertThat(subnet.contains("10.0.31.254")).isTrue();
        assertThat(subnet.contains("10.0.31.255")).isFalse();
        assertThat(subnet.contains("10.0.32.4")).isFalse();
    }

    @Test
    void drawsInOrderAfterAnAddressSkippingTakenOnesAndWrapsAround() {
        Subnet subnet = new Subnet("10.1.0.0/28");
        assertThat(subnet.take("10.1.0.12")).isTrue();
        assertThat(subnet.take("10.1.0.12")).isFalse();
        assertThat(subnet.takeNextAfter("10.1.0.11")).contains("10.1.0.13");
        assertThat(subnet.takeNextAfter("10.1.0.13")).contains("10.1.0.14");
        assertThat(subnet.takeNextAfter("10.1.0.14")).contains("10.1.0.4");
        subnet.release("10.1.0.13");
        assertThat(subnet.takeNextAfter("10.1.0.4")).contains("10.1.0.5");
    }

    @Test
    void aFullSubnetHasNothingToDraw() {
        Subnet subnet = new Subnet("10.1.0.0/29");
        assertThat(subnet.takeNextAfter("10.1.0.4")).contains("10.1.0.5");
        assertThat(subnet.takeNextAfter("10.1.0.5")).contains("10.1.0.6");
        assertThat(subnet.takeNextAfter("10.1.0.6")).contains("10.1.0.4");
        assertThat(subnet.takeNextAfter("10.1.0.4")).isEmpty();
    }
}

package com.packetjourney.k8s.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeCapacityTest {

    @Test
    void maxPodsAreThoseOfEksEniMaxPods() {
        // eni-max-pods.txt (amazon-eks-ami): m5.large 29, t3.medium 17, t3.large 35, m5.xlarge 58
        assertThat(NodeCapacity.maxPods("m5.large")).isEqualTo(29);
        assertThat(NodeCapacity.maxPods("t3.medium")).isEqualTo(17);
        assertThat(NodeCapacity.maxPods("t3.large")).isEqualTo(35);
        assertThat(NodeCapacity.maxPods("m5.xlarge")).isEqualTo(58);
        assertThat(NodeCapacity.maxPods("m5.4xlarge")).isEqualTo(234);
    }

    @Test
    void anUnknownInstanceTypeGetsTheKubeletDefault() {
        assertThat(NodeCapacity.maxPods("x9.huge")).isEqualTo(110);
    }
}

package com.packetjourney.cni.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceLimitsTest {

    private static int maxPods(String type) {
        return InstanceLimits.of(type).orElseThrow().maxPods();
    }

    @Test
    void maxPodsMatchAwsPublishedValues() {
        // eni-max-pods.txt (amazon-eks-ami)
        assertThat(maxPods("t3.medium")).isEqualTo(17);
        assertThat(maxPods("t3.large")).isEqualTo(35);
        assertThat(maxPods("m5.large")).isEqualTo(29);
        assertThat(maxPods("m5.xlarge")).isEqualTo(58);
        assertThat(maxPods("m5.2xlarge")).isEqualTo(58);
        assertThat(maxPods("c5.large")).isEqualTo(29);
        assertThat(maxPods("c5.xlarge")).isEqualTo(58);
        assertThat(maxPods("r5.large")).isEqualTo(29);
        assertThat(maxPods("m5.4xlarge")).isEqualTo(234);
        assertThat(maxPods("t3.nano")).isEqualTo(4);
        assertThat(maxPods("t3.small")).isEqualTo(11);
    }

    @Test
    void anM5LargeHasThreeEnisOfTenAddresses() {
        InstanceLimits m5 = InstanceLimits.of("m5.large").orElseThrow();
        assertThat(m5.enis()).isEqualTo(3);
        assertThat(m5.ipv4PerEni()).isEqualTo(10);
        assertThat(m5.podIpsPerEni()).isEqualTo(9);
        assertThat(InstanceLimits.of("x9.huge")).isEmpty();
    }
}

package com.packetjourney.contracts.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceLimitsTest {

    /** Lines of amazon-eks-ami's files/eni-max-pods.txt for the four families, as the file has them. */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "t3.nano 4", "t3.micro 4", "t3.small 11", "t3.medium 17", "t3.large 35", "t3.xlarge 58", "t3.2xlarge 58",
            "m5.large 29", "m5.xlarge 58", "m5.2xlarge 58", "m5.4xlarge 234", "m5.8xlarge 234", "m5.12xlarge 234",
            "m5.16xlarge 737", "m5.24xlarge 737", "m5.metal 737",
            "c5.large 29", "c5.xlarge 58", "c5.2xlarge 58", "c5.4xlarge 234", "c5.9xlarge 234", "c5.12xlarge 234",
            "c5.18xlarge 737", "c5.24xlarge 737", "c5.metal 737",
            "r5.large 29", "r5.xlarge 58", "r5.2xlarge 58", "r5.4xlarge 234", "r5.8xlarge 234", "r5.12xlarge 234",
            "r5.16xlarge 737", "r5.24xlarge 737", "r5.metal 737",
            "p3dn.24xlarge 737"})
    void maxPodsAreThoseOfEniMaxPodsTxt(String type, int maxPods) {
        assertThat(InstanceLimits.of(type)).as(type).get().extracting(InstanceLimits::maxPods).isEqualTo(maxPods);
    }

    @Test
    void theTableHoldsExactlyTheFourFamiliesAndTheCniDocsExample() {
        List<String> types = new ArrayList<>();
        InstanceLimits.knownTypes().forEach(types::add);
        assertThat(types).hasSize(35).allMatch(t -> t.matches("(t3|m5|c5|r5|p3dn)\\..+"));
    }

    @Test
    void anM5LargeHasThreeEnisOfTenAddressesAndTwentySevenForPods() {
        InstanceLimits m5 = InstanceLimits.of("m5.large").orElseThrow();
        assertThat(m5.enis()).isEqualTo(3);
        assertThat(m5.ipv4PerEni()).isEqualTo(10);
        assertThat(m5.podIpsPerEni()).isEqualTo(9);
        assertThat(m5.podAddresses()).isEqualTo(27);
        assertThat(m5.maxPods() - m5.podAddresses()).as("aws-node and kube-proxy").isEqualTo(2);
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheNodeAndTheType() {
        assertThat(InstanceLimits.of("x9.huge")).isEmpty();
        assertThat(InstanceLimits.of((String) null)).isEmpty();
        Node node = new Node("ip-10-0-1-17", "x9.huge", "eu-west-1a", "10.0.0.0/19", "10.0.1.17");
        assertThatThrownBy(() -> InstanceLimits.of(node)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ip-10-0-1-17").hasMessageContaining("'x9.huge'");
    }
}

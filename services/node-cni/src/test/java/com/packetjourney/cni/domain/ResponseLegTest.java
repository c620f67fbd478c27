package com.packetjourney.cni.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseLegTest {

    @Test
    void theWayBackCostsTheVethTheFabricAndTheInternetOneWay() {
        ResponseLeg same = ResponseLeg.back("default/nginx-a", "10.0.1.20", "eu-west-1a", "10.0.0.10",
                "54.217.10.21", "eu-west-1a", 21_000, "198.51.100.23:50123", "192.168.1.100:50123");
        assertThat(same.latencyMicros()).isEqualTo(DataPath.VETH_MICROS + DataPath.SAME_ZONE_MICROS + 21_000);
        assertThat(same.steps()).hasSize(3);
        assertThat(same.steps().get(2)).isEqualTo("home router NAT: destination 198.51.100.23:50123 -> "
                + "192.168.1.100:50123");

        ResponseLeg cross = ResponseLeg.back("default/nginx-b", "10.0.33.5", "eu-west-1b", "10.0.0.10",
                "54.217.10.21", "eu-west-1a", 21_000, "198.51.100.23:50123", "192.168.1.100:50123");
        assertThat(cross.latencyMicros() - same.latencyMicros()).isEqualTo(DataPath.CROSS_ZONE_EXTRA_MICROS);
        assertThat(cross.steps().get(0)).contains("from eu-west-1b");
    }
}

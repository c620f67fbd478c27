package com.packetjourney.dhcp.domain;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.world.LanSegment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolChangeTest {
    private static final LanSegment HOME = new LanSegment("home", "192.168.1.0/24", "home-router", "192.168.1.1",
            "198.51.100.23", 64500, "192.168.1.100", "192.168.1.199", 86400, List.of("192.168.1.1"),
            "198.51.100.53", 500);

    private static void assertInvalid(String start, String end, String lease, String field, String detailPart) {
        assertThatThrownBy(() -> PoolChange.apply(HOME, start, end, lease))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(detailPart);
                });
    }

    @Test
    void aPoolOfOneAddressIsAPoolAndEverythingElseOfTheLanIsKept() {
        LanSegment one = PoolChange.apply(HOME, " 192.168.1.100", "192.168.1.100 ", null);
        assertThat(one.poolStart()).isEqualTo("192.168.1.100");
        assertThat(one.poolEnd()).isEqualTo("192.168.1.100");
        assertThat(PoolChange.size(one)).isEqualTo(1);
        assertThat(PoolChange.size(HOME)).isEqualTo(100);
        assertThat(one).isEqualTo(new LanSegment("home", "192.168.1.0/24", "home-router", "192.168.1.1",
                "198.51.100.23", 64500, "192.168.1.100", "192.168.1.100", 86400, List.of("192.168.1.1"),
                "198.51.100.53", 500));
        assertThat(PoolChange.apply(HOME, "192.168.1.2", "192.168.1.254", "3600").leaseSeconds()).isEqualTo(3600);
    }

    @Test
    void bothEndsAreHostAddressesOfTheLan() {
        assertInvalid(null, "192.168.1.100", null, "poolStart", "required");
        assertInvalid("192.168.1.100", " ", null, "poolEnd", "required");
        assertInvalid("192.168.1", "192.168.1.100", null, "poolStart", "dotted-quad");
        assertInvalid("192.168.1.100", "192.168.2.10", null, "poolEnd", "outside the LAN's subnet 192.168.1.0/24");
        assertInvalid("192.168.1.0", "192.168.1.10", null, "poolStart", "network or broadcast");
        assertInvalid("192.168.1.100", "192.168.1.255", null, "poolEnd", "network or broadcast");
    }

    @Test
    void theStartIsNotAfterTheEndAndTheRouterKeepsItsAddress() {
        assertInvalid("192.168.1.150", "192.168.1.100", null, "poolEnd", "before the pool's start");
        assertInvalid("192.168.1.1", "192.168.1.50", null, "poolStart", "router's own address 192.168.1.1");
    }

    @Test
    void theLeaseIsAPositive32BitCountOfSeconds() {
        // RFC 2132 §9.2: 32-bit unsigned seconds, 0xffffffff meaning infinite
        assertThat(PoolChange.apply(HOME, "192.168.1.100", "192.168.1.100", "4294967294").leaseSeconds())
                .isEqualTo(4294967294L);
        assertInvalid("192.168.1.100", "192.168.1.100", "4294967295", "leaseSeconds", "not in 1..4294967294");
        assertInvalid("192.168.1.100", "192.168.1.100", "0", "leaseSeconds", "not in 1..");
        assertInvalid("192.168.1.100", "192.168.1.100", "-60", "leaseSeconds", "not in 1..");
        assertInvalid("192.168.1.100", "192.168.1.100", "1h", "leaseSeconds", "whole number of seconds");
    }
}

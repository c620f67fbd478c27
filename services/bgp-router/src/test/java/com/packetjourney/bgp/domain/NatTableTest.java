package com.packetjourney.bgp.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NatTableTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final String WAN = "198.51.100.23";

    @Test
    void oneInsideEndpointKeepsItsOutsidePortWhateverTheDestination() {
        // RFC 4787 REQ-1, endpoint-independent mapping: X1':x1' is the same for Y1:y1 and Y2:y2
        NatTable nat = new NatTable(WAN);
        NatTable.Mapping toAlbA = nat.outbound("TCP", "192.168.1.100", 50123, "54.217.10.21:443", T0);
        NatTable.Mapping toAlbB = nat.outbound("TCP", "192.168.1.100", 50123, "54.217.40.22:443", T0.plusSeconds(1));
        assertThat(toAlbB.outsidePort()).isEqualTo(toAlbA.outsidePort());
        assertThat(toAlbB.destinations()).containsExactlyInAnyOrder("54.217.10.21:443", "54.217.40.22:443");
        assertThat(nat.mappings(T0.plusSeconds(1))).hasSize(1);
    }

    @Test
    void theInsidePortIsPreservedWhereFreeElseTheNextFreeOneIsTaken() {
        NatTable nat = new NatTable(WAN);
        NatTable.Mapping laptop = nat.outbound("TCP", "192.168.1.100", 50123, "54.217.10.21:443", T0);
        assertThat(laptop.outsidePort()).as("port preservation").isEqualTo(50123);
        assertThat(laptop.binding().describe()).isEqualTo("NAT 192.168.1.100:50123 -> 198.51.100.23:50123");
        NatTable.Mapping phone = nat.outbound("TCP", "192.168.1.101", 50123, "54.217.10.21:443", T0);
        assertThat(phone.outsidePort()).isEqualTo(50124);
        assertThat(nat.outbound("UDP", "192.168.1.101", 50123, "198.51.100.53:53", T0).outsidePort())
                .as("another protocol, another port space").isEqualTo(50123);
        assertThat(nat.outbound("TCP", "192.168.1.102", 65535, "x:443", T0).outsidePort()).isEqualTo(65535);
        assertThat(nat.outbound("TCP", "192.168.1.103", 65535, "x:443", T0).outsidePort())
                .as("wraps to the bottom of 1024-65535, REQ-3").isEqualTo(1024);
    }

    @Test
    void mappingsExpireAfterTheirIdleTimeout() {
        NatTable nat = new NatTable(WAN);
        nat.outbound("TCP", "192.168.1.100", 50123, "54.217.10.21:443", T0);
        // only the SYN went out: transitory, 4 minutes (RFC 5382 REQ-5)
        assertThat(nat.mappings(T0.plus(Duration.ofMinutes(4)).minusSeconds(1))).hasSize(1);
        assertThat(nat.mappings(T0.plus(Duration.ofMinutes(4)))).isEmpty();

        nat.outbound("TCP", "192.168.1.100", 50124, "54.217.10.21:443", T0);
        assertThat(nat.inbound("TCP", 50124, T0.plusMillis(40))).get().extracting(NatTable.Mapping::established)
                .isEqualTo(true);
        // established: at least 2 h 4 min idle
        assertThat(nat.mappings(T0.plus(Duration.ofMinutes(123)))).hasSize(1);
        assertThat(nat.mappings(T0.plus(Duration.ofMinutes(125)))).isEmpty();

        nat.outbound("UDP", "192.168.1.100", 5353, "198.51.100.53:53", T0);
        assertThat(nat.mappings(T0.plus(Duration.ofMinutes(5)))).as("RFC 4787 REQ-5: 5 min for UDP").isEmpty();
    }

    @Test
    void aFreedPortIsPreservedAgain() {
        NatTable nat = new NatTable(WAN);
        nat.outbound("TCP", "192.168.1.101", 50123, "a:443", T0);
        assertThat(nat.outbound("TCP", "192.168.1.100", 50123, "a:443", T0).outsidePort()).isEqualTo(50124);
        Instant later = T0.plus(Duration.ofMinutes(10));
        assertThat(nat.outbound("TCP", "192.168.1.100", 50123, "a:443", later).outsidePort()).isEqualTo(50123);
    }
}

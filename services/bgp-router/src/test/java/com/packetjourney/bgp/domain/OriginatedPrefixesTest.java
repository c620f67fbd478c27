package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.AutonomousSystem.Neighbor;
import com.packetjourney.contracts.world.AutonomousSystem.Relationship;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OriginatedPrefixesTest {
    private static final AutonomousSystem AWS = new AutonomousSystem(16509, "Amazon", "aws-border-dub-1", "52.93.0.1",
            List.of("54.216.0.0/15", "205.251.192.0/21"), List.of(new Neighbor(3356, Relationship.PEER, 6000)));

    @Test
    void prefixesCompareAsBlocksWhateverTheRecordsSpelling() {
        AutonomousSystem loose = new AutonomousSystem(1, "a", "r", "10.0.0.1", List.of("54.217.1.2/15"), List.of());
        assertThat(OriginatedPrefixes.announces(loose, Ipv4.exactPrefix("54.216.0.0/15"))).isTrue();
        assertThat(OriginatedPrefixes.announces(AWS, Ipv4.exactPrefix("54.216.0.0/16"))).isFalse();
        assertThat(OriginatedPrefixes.announces(new AutonomousSystem(1, "a", "r", "10.0.0.1", null, null),
                Ipv4.exactPrefix("54.216.0.0/15"))).isFalse();
    }

    @Test
    void anAnnouncementIsAddedAndAWithdrawalRemovedKeepingEverythingElse() {
        AutonomousSystem more = OriginatedPrefixes.announce(AWS, Ipv4.exactPrefix("54.217.40.0/24"));
        assertThat(more.originates()).containsExactly("54.216.0.0/15", "205.251.192.0/21", "54.217.40.0/24");
        AutonomousSystem less = OriginatedPrefixes.withdraw(more, Ipv4.exactPrefix("54.216.0.0/15"));
        assertThat(less.originates()).containsExactly("205.251.192.0/21", "54.217.40.0/24");
        assertThat(less.neighbors()).isEqualTo(AWS.neighbors());
        assertThat(List.of(less.asn(), less.name(), less.router(), less.routerId()))
                .isEqualTo(List.of(AWS.asn(), AWS.name(), AWS.router(), AWS.routerId()));
    }
}

package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.world.AutonomousSystem.Relationship;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Valley-free export: transit is given only to paying customers. */
class ExportPolicyTest {
    private static BgpRoute learnedFrom(LearnedFrom from) {
        BgpRoute r = Routes.baseline();
        return new BgpRoute(r.prefix(), r.asPath(), r.origin(), from.localPref(), 0, r.neighborAs(),
                r.neighborRouterId(), from, true);
    }

    @Test
    void aPeerRouteGoesOnlyToCustomers() {
        BgpRoute peer = learnedFrom(LearnedFrom.PEER);
        assertThat(ExportPolicy.exports(peer, Relationship.PEER)).isFalse();
        assertThat(ExportPolicy.exports(peer, Relationship.PROVIDER)).isFalse();
        assertThat(ExportPolicy.exports(peer, Relationship.CUSTOMER)).isTrue();
    }

    @Test
    void aProviderRouteGoesOnlyToCustomers() {
        BgpRoute provider = learnedFrom(LearnedFrom.PROVIDER);
        assertThat(ExportPolicy.exports(provider, Relationship.PEER)).isFalse();
        assertThat(ExportPolicy.exports(provider, Relationship.PROVIDER)).isFalse();
        assertThat(ExportPolicy.exports(provider, Relationship.CUSTOMER)).isTrue();
    }

    @Test
    void customerAndOwnRoutesGoToEveryone() {
        for (LearnedFrom from : List.of(LearnedFrom.CUSTOMER, LearnedFrom.ORIGINATED)) {
            for (Relationship to : Relationship.values()) {
                assertThat(ExportPolicy.exports(learnedFrom(from), to)).as(from + " to " + to).isTrue();
            }
        }
    }

    @Test
    void localPrefFollowsTheMoneyCustomerOverPeerOverProvider() {
        assertThat(LearnedFrom.CUSTOMER.localPref()).isGreaterThan(LearnedFrom.PEER.localPref());
        assertThat(LearnedFrom.PEER.localPref()).isGreaterThan(LearnedFrom.PROVIDER.localPref());
    }
}

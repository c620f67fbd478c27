package com.packetjourney.bgp.domain;

import com.packetjourney.bgp.EksNginxScenario;
import com.packetjourney.contracts.world.AutonomousSystem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A more specific prefix from another origin than its covering prefix, as the home ISP's router sees it. */
class HijackSuspicionTest {
    private static final long ISP = 64500;

    private static BgpNetwork announcing(long asn, String prefix) {
        List<AutonomousSystem> systems = new ArrayList<>();
        for (AutonomousSystem as : EksNginxScenario.autonomousSystems()) {
            systems.add(as.asn() == asn ? OriginatedPrefixes.announce(as, Ipv4.exactPrefix(prefix)) : as);
        }
        return BgpNetwork.of(systems);
    }

    private static Optional<HijackSuspicion> atTheIsp(BgpNetwork network, String ip) {
        BgpRib rib = network.rib(ISP).orElseThrow();
        return HijackSuspicion.of(rib, rib.lookup(Ipv4.address(ip, "ip")).orElseThrow());
    }

    @Test
    void aMoreSpecificFromAnotherOriginIsSuspectAndWinsTheLongestPrefixMatch() {
        BgpNetwork network = announcing(2914, "54.217.40.0/24");
        HijackSuspicion suspicion = atTheIsp(network, "54.217.40.22").orElseThrow();
        assertThat(suspicion.moreSpecific().toString()).isEqualTo("54.217.40.0/24");
        assertThat(suspicion.moreSpecificOrigin()).isEqualTo(2914);
        assertThat(suspicion.covering().toString()).isEqualTo("54.216.0.0/15");
        assertThat(suspicion.coveringOrigin()).isEqualTo(16509);
        assertThat(suspicion.warning()).startsWith("possible hijack: 54.217.40.0/24 is originated by AS2914");
        BgpRib.Entry used = network.rib(ISP).orElseThrow().lookup(Ipv4.address("54.217.40.22", "ip")).orElseThrow();
        assertThat(used.best().asPath()).containsExactly(1299L, 2914L);
    }

    @Test
    void addressesOutsideTheMoreSpecificAreNotAffected() {
        assertThat(atTheIsp(announcing(2914, "54.217.40.0/24"), "54.217.10.21")).isEmpty();
    }

    @Test
    void theCoveringPrefixesOwnOriginMayAnnounceMoreSpecifics() {
        assertThat(atTheIsp(announcing(16509, "54.217.40.0/24"), "54.217.40.22")).isEmpty();
    }

    @Test
    void aPrefixNothingCoversIsNotSuspect() {
        assertThat(atTheIsp(BgpNetwork.of(EksNginxScenario.autonomousSystems()), "54.217.40.22")).isEmpty();
    }
}

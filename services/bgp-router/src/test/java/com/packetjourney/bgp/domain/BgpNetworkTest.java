package com.packetjourney.bgp.domain;

import com.packetjourney.bgp.EksNginxScenario;
import com.packetjourney.contracts.world.AutonomousSystem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scenario's Internet converged: who reaches the ALB's prefix, by which AS path, and who must not. */
class BgpNetworkTest {
    private static final String ALB = "54.217.10.21";
    private final BgpNetwork network = BgpNetwork.of(EksNginxScenario.autonomousSystems());

    private Optional<BgpRib.Entry> lookup(BgpNetwork net, long asn, String ip) {
        return net.rib(asn).orElseThrow().lookup(Ipv4.address(ip, "ip"));
    }

    @Test
    void theHomeIspReachesAmazonThroughLumen() {
        BgpRib.Entry entry = lookup(network, 64500, ALB).orElseThrow();
        assertThat(entry.prefix().toString()).isEqualTo("54.216.0.0/15");
        assertThat(entry.best().asPath()).containsExactly(3356L, 16509L);
        assertThat(entry.best().neighborAs()).isEqualTo(3356L);
        assertThat(entry.best().localPref()).isEqualTo(LearnedFrom.PROVIDER.localPref());
        assertThat(entry.best().originAs()).isEqualTo(16509L);
    }

    @Test
    void lumenPrefersItsDirectPeeringWithAmazon() {
        BgpRib.Entry entry = lookup(network, 3356, ALB).orElseThrow();
        assertThat(entry.best().asPath()).containsExactly(16509L);
        assertThat(entry.best().learnedFrom()).isEqualTo(LearnedFrom.PEER);
        assertThat(entry.best().ebgp()).isTrue();
    }

    @Test
    void peerRoutesAreNotPassedToOtherPeersSoArelionHasNoPathToAmazon() {
        // Lumen and NTT learn Amazon's prefix from a peer; neither may give it to its peer Arelion,
        // and the home ISP learned it from a provider, so it may not either.
        assertThat(lookup(network, 1299, ALB)).isEmpty();
        assertThat(lookup(network, 2914, ALB)).get().extracting(e -> e.best().asPath()).isEqualTo(List.of(16509L));
    }

    @Test
    void customerRoutesGoEverywhere() {
        // The home ISP's own prefix is a customer route for both transits, so even Amazon hears it, via one of them.
        for (long asn : List.of(3356L, 1299L, 2914L, 16509L)) {
            assertThat(lookup(network, asn, "198.51.100.23")).as("AS" + asn).isPresent();
        }
        assertThat(lookup(network, 16509, "198.51.100.23").orElseThrow().best().asPath()).containsExactly(3356L, 64500L);
    }

    @Test
    void withdrawingThePrefixRemovesItEverywhere() {
        BgpNetwork withdrawn = BgpNetwork.of(withOriginates(16509, List.of("205.251.192.0/21", "205.251.240.0/22")));
        for (long asn : List.of(64500L, 3356L, 1299L, 2914L, 16509L)) {
            assertThat(lookup(withdrawn, asn, ALB)).as("AS" + asn).isEmpty();
        }
        assertThat(lookup(withdrawn, 64500, "205.251.192.1")).isPresent();
    }

    @Test
    void anAsThatLeavesTakesItsSessionsAndRoutesAlong() {
        List<AutonomousSystem> withoutLumen = EksNginxScenario.autonomousSystems().stream()
                .filter(as -> as.asn() != 3356).toList();
        BgpNetwork net = BgpNetwork.of(withoutLumen);
        assertThat(net.sessions(64500)).extracting(Session::neighborAs).containsExactly(1299L);
        assertThat(lookup(net, 64500, ALB)).isEmpty();
        assertThat(lookup(net, 64500, "4.1.2.3")).isEmpty();
    }

    @Test
    void aSessionNeedsBothSides() {
        List<AutonomousSystem> systems = new ArrayList<>(EksNginxScenario.autonomousSystems());
        systems.replaceAll(as -> as.asn() == 16509 ? new AutonomousSystem(as.asn(), as.name(), as.router(),
                as.routerId(), as.originates(), as.neighbors().stream().filter(n -> n.asn() != 3356).toList()) : as);
        BgpNetwork net = BgpNetwork.of(systems);
        assertThat(net.session(3356, 16509)).isEmpty();
        assertThat(lookup(net, 3356, ALB)).isEmpty();
    }

    @Test
    void theSameAsTwiceIsRejected() {
        List<AutonomousSystem> twice = new ArrayList<>(EksNginxScenario.autonomousSystems());
        twice.add(twice.get(0));
        assertThatThrownBy(() -> BgpNetwork.of(twice)).hasMessageContaining("AS64500");
    }

    static List<AutonomousSystem> withOriginates(long asn, List<String> prefixes) {
        return EksNginxScenario.autonomousSystems().stream().map(as -> as.asn() != asn ? as
                : new AutonomousSystem(as.asn(), as.name(), as.router(), as.routerId(), prefixes, as.neighbors()))
                .toList();
    }
}

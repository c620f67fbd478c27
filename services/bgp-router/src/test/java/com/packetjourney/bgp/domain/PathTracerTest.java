package com.packetjourney.bgp.domain;

import com.packetjourney.bgp.EksNginxScenario;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.hop.PacketRouted.RouterHop;
import com.packetjourney.contracts.world.LanSegment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The packet's walk through the scenario: laptop, home router, the ISP, Lumen, Amazon. */
class PathTracerTest {
    private static final String ALB = "54.217.10.21";
    private static final long SEED = 42;
    private final LanSegment home = EksNginxScenario.homeLan();
    private final BgpNetwork network = BgpNetwork.of(EksNginxScenario.autonomousSystems());

    private Trace trace(BgpNetwork net, int ttl, String gateway) {
        return new PathTracer(net, ttl).trace("laptop", "192.168.1.100", gateway, home, ALB, new SplittableRandom(SEED));
    }

    @Test
    void thePacketReachesAmazonFromTheLaptopThroughNatAndTwoAses() {
        Trace trace = trace(network, PathTracer.INITIAL_TTL, "192.168.1.1");
        NatBinding nat = NatBinding.allocate("192.168.1.100", "198.51.100.23", new SplittableRandom(SEED));

        assertThat(trace.delivered()).isTrue();
        assertThat(trace.hops()).containsExactly(
                new RouterHop("laptop", null, "0.0.0.0/0", "192.168.1.1", "en0", List.of(), 64, 500,
                        "off-link: sent to the default gateway"),
                new RouterHop("home-router", null, "0.0.0.0/0", "isp-edge-1", "wan0", List.of(), 63, 500,
                        nat.describe()),
                new RouterHop("isp-edge-1", 64500L, "54.216.0.0/15", "lumen-core-1", "AS3356", List.of(3356L, 16509L),
                        62, 4000, "the only path; LOCAL_PREF 50 (provider route)"),
                new RouterHop("lumen-core-1", 3356L, "54.216.0.0/15", "aws-border-dub-1", "AS16509", List.of(16509L),
                        61, 6000, "the only path; LOCAL_PREF 100 (peer route)"),
                new RouterHop("aws-border-dub-1", 16509L, "54.216.0.0/15", ALB, "AS16509 network", List.of(), 60, 0,
                        "destination network reached"));
        assertThat(nat.describe()).matches("NAT 192\\.168\\.1\\.100:\\d+ -> 198\\.51\\.100\\.23:\\d+");
        assertThat(nat.insidePort()).isBetween(49152, 65535);
        assertThat(nat.outsidePort()).isBetween(1024, 65535);
        assertThat(trace.translatedSource()).isEqualTo("198.51.100.23");
        assertThat(trace.ispAsPath()).containsExactly(3356L, 16509L);
        assertThat(trace.destinationPrefix()).isEqualTo("54.216.0.0/15");
        assertThat(trace.originAs()).isEqualTo(16509L);
        assertThat(trace.latencyMicros()).isEqualTo(500 + 500 + 4000 + 6000);
    }

    @Test
    void theSameSeedGivesTheSameNatPortsAndAnotherSeedOtherOnes() {
        assertThat(trace(network, 64, "192.168.1.1")).isEqualTo(trace(network, 64, "192.168.1.1"));
        Trace other = new PathTracer(network).trace("laptop", "192.168.1.100", "192.168.1.1", home, ALB,
                new SplittableRandom(SEED + 1));
        assertThat(other.nat()).isNotEqualTo(trace(network, 64, "192.168.1.1").nat());
    }

    @Test
    void afterAmazonWithdrawsItsPrefixTheIspRouterHasNoRoute() {
        BgpNetwork withdrawn = BgpNetwork.of(BgpNetworkTest.withOriginates(16509,
                List.of("205.251.192.0/21", "205.251.240.0/22")));
        Trace trace = trace(withdrawn, 64, "192.168.1.1");
        assertThat(trace.failure()).isEqualTo(FailureCode.NO_ROUTE);
        assertThat(trace.failureMessage()).isEqualTo("isp-edge-1 (AS64500) has no route to 54.217.10.21");
        assertThat(trace.hops()).extracting(RouterHop::router).containsExactly("laptop", "home-router", "isp-edge-1");
        RouterHop isp = trace.hops().get(2);
        assertThat(isp.matchedPrefix()).isNull();
        assertThat(isp.nextHop()).isNull();
        assertThat(isp.latencyMicros()).isZero();
        assertThat(trace.ispAsPath()).isEmpty();
        assertThat(trace.destinationPrefix()).isNull();
        assertThat(trace.translatedSource()).isEqualTo("198.51.100.23");
        assertThat(trace.latencyMicros()).isEqualTo(1000);
    }

    @Test
    void theTtlRunsOutAtTheRouterThatWouldDecrementItToZero() {
        Trace trace = trace(network, 3, "192.168.1.1");
        assertThat(trace.failure()).isEqualTo(FailureCode.TTL_EXCEEDED);
        assertThat(trace.failureMessage()).isEqualTo("the TTL of 3 ran out at lumen-core-1 (AS3356)");
        assertThat(trace.hops()).extracting(RouterHop::ttl).containsExactly(3, 2, 1, 0);
        assertThat(trace.hops().get(3).note()).contains("ICMP time exceeded sent to 198.51.100.23");
    }

    @Test
    void aLaptopWithoutGatewayHasNoRouteOffItsLan() {
        Trace trace = trace(network, 64, null);
        assertThat(trace.failure()).isEqualTo(FailureCode.NO_ROUTE);
        assertThat(trace.hops()).extracting(RouterHop::router).containsExactly("laptop");
        assertThat(trace.nat()).isNull();
        assertThat(trace.translatedSource()).isEqualTo("192.168.1.100");
    }

    @Test
    void anIspMissingFromTheWorldLeavesTheHomeRouterWithoutRoute() {
        BgpNetwork noIsp = BgpNetwork.of(EksNginxScenario.autonomousSystems().stream()
                .filter(as -> as.asn() != 64500).toList());
        Trace trace = trace(noIsp, 64, "192.168.1.1");
        assertThat(trace.failure()).isEqualTo(FailureCode.NO_ROUTE);
        assertThat(trace.hops()).extracting(RouterHop::router).containsExactly("laptop", "home-router");
    }

    @Test
    void aDestinationOnTheLanIsDeliveredWithoutARouter() {
        Trace trace = new PathTracer(network).trace("laptop", "192.168.1.100", "192.168.1.1", home, "192.168.1.20",
                new SplittableRandom(SEED));
        assertThat(trace.delivered()).isTrue();
        assertThat(trace.hops()).extracting(RouterHop::router).containsExactly("laptop");
        assertThat(trace.destinationPrefix()).isEqualTo("192.168.1.0/24");
        assertThat(trace.nat()).isNull();
    }
}

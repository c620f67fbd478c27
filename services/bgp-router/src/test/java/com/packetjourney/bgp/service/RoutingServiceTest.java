package com.packetjourney.bgp.service;

import com.packetjourney.bgp.EksNginxScenario;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingServiceTest {
    private static final String ALB = "54.217.10.21";
    private static final Instant WALL = Instant.parse("2026-02-02T00:00:00Z");
    private final RoutingService service = new RoutingService(Clock.fixed(WALL, ZoneOffset.UTC));
    private final Scenario scenario = EksNginxScenario.scenario();

    @BeforeEach
    void loadTheScenario() {
        service.onSimulation(scenario.simulation());
        scenario.clients().forEach(c -> service.onClient(c.name(), c));
        scenario.lans().forEach(l -> service.onLan(l.id(), l));
        scenario.autonomousSystems().forEach(as -> service.onAutonomousSystem(Scenario.asKey(as.asn()), as));
    }

    private static HopEvent resolved(String journeyId, String client, Outcome outcome) {
        JourneyContext context = JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com",
                        443, "/", client, "3c:22:fb:7a:10:01")
                .withLease("192.168.1.100", "192.168.1.1", "192.168.1.1").withServerIp(ALB);
        return HopEvent.first(journeyId, Instant.parse("2026-01-01T09:00:00Z"), 30_000, WALL, outcome, context,
                new DnsResolved("packet-journey.com.", "ns1.amzndns.com.", List.of(), List.of(), List.of(ALB), ALB, 60L));
    }

    @Test
    void theRoutedHopFollowsTheDnsHopAndCarriesThePublicSource() {
        HopEvent in = resolved("j-1", "laptop", Outcome.ok());
        HopEvent out = service.handle(in);
        assertThat(out.hopType()).isEqualTo(HopType.PACKET_ROUTED);
        assertThat(out.causationId()).isEqualTo(in.eventId());
        assertThat(out.simStartedAt()).isEqualTo(in.simEndedAt());
        assertThat(out.simLatencyMicros()).isEqualTo(11_000);
        assertThat(out.wallTime()).isEqualTo(WALL);
        assertThat(out.outcome().isOk()).isTrue();
        assertThat(out.context().publicSourceIp()).isEqualTo("198.51.100.23");
        PacketRouted routed = (PacketRouted) out.payload();
        assertThat(routed.source()).isEqualTo("192.168.1.100");
        assertThat(routed.translatedSource()).isEqualTo("198.51.100.23");
        assertThat(routed.destination()).isEqualTo(ALB);
        assertThat(routed.destinationPort()).isEqualTo(443);
        assertThat(routed.protocol()).isEqualTo("TCP");
        assertThat(routed.asPath()).containsExactly(3356L, 16509L);
        assertThat(routed.destinationPrefix()).isEqualTo("54.216.0.0/15");
        assertThat(routed.originAs()).isEqualTo(16509L);
        assertThat(service.handle(in)).isEqualTo(out);
    }

    @Test
    void aJourneyThatFailedUpstreamIsSkipped() {
        assertThat(service.handle(resolved("j-2", "laptop", Outcome.failed(FailureCode.DNS_NXDOMAIN, "no such name"))))
                .isNull();
    }

    @Test
    void aChangedAsRecordWithdrawsItsPrefixAndTheIspLosesItsRoute() {
        AutonomousSystem aws = scenario.autonomousSystems().stream().filter(as -> as.asn() == 16509).findFirst()
                .orElseThrow();
        service.onAutonomousSystem("AS16509", new AutonomousSystem(aws.asn(), aws.name(), aws.router(), aws.routerId(),
                List.of("205.251.192.0/21"), aws.neighbors()));
        HopEvent out = service.handle(resolved("j-3", "laptop", Outcome.ok()));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.NO_ROUTE);
        assertThat(out.outcome().message()).isEqualTo("isp-edge-1 (AS64500) has no route to 54.217.10.21");

        service.onAutonomousSystem("AS16509", aws);
        assertThat(service.handle(resolved("j-3", "laptop", Outcome.ok())).outcome().isOk()).isTrue();
    }

    @Test
    void aTombstoneTakesTheAsAway() {
        service.onAutonomousSystem("AS3356", null);
        assertThat(service.network().system(3356)).isEmpty();
        assertThat(service.handle(resolved("j-4", "laptop", Outcome.ok())).outcome().code())
                .isEqualTo(FailureCode.NO_ROUTE);
    }

    @Test
    void anUnusableAsRecordIsRejectedAndTheNetworkKept() {
        AutonomousSystem broken = new AutonomousSystem(65000, "broken", "r", "not-an-ip", List.of(), List.of());
        assertThatThrownBy(() -> service.onAutonomousSystem("AS65000", broken))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(service.network().system(65000)).isEmpty();
        assertThat(service.handle(resolved("j-5", "laptop", Outcome.ok())).outcome().isOk()).isTrue();
    }

    @Test
    void aClientOnNoKnownLanHasNoRoute() {
        HopEvent out = service.handle(resolved("j-6", "stranger", Outcome.ok()));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.NO_ROUTE);
        assertThat(((PacketRouted) out.payload()).path()).isEmpty();
    }
}

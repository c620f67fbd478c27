package com.packetjourney.bgp.service;

import com.packetjourney.bgp.EksNginxScenario;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.kafka.WorldChanges;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingServiceTest {
    private static final String ALB = "54.217.10.21";
    private static final Instant WALL = Instant.parse("2026-02-02T00:00:00Z");
    /** The AS records written to the world; the network changes only when a test reads one back. */
    private final List<Object> written = new ArrayList<>();
    private final RoutingService service = new RoutingService(Clock.fixed(WALL, ZoneOffset.UTC), this::write);

    private <T> WorldChanges.Applied<T> write(String topic, String key, T value) {
        assertThat(topic).isEqualTo(Topics.WORLD_AUTONOMOUS_SYSTEMS);
        written.add(value);
        return new WorldChanges.Applied<>(value, topic, false);
    }
    private final Scenario scenario = EksNginxScenario.scenario();

    @BeforeEach
    void loadTheScenario() {
        service.world().simulation().accept(Simulation.KEY, scenario.simulation());
        scenario.clients().forEach(c -> service.world().clients().accept(c.name(), c));
        scenario.lans().forEach(l -> service.world().lans().accept(l.id(), l));
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
    void anAnnouncementAddsThePrefixToTheAsRecordWithoutChangingTheNetworkYet() {
        AutonomousSystem ntt = service.announce(2914, "54.217.40.0/24").value();
        assertThat(written).containsExactly(ntt);
        assertThat(ntt.originates()).containsExactly("129.250.0.0/16", "54.217.40.0/24");
        assertThat(ntt.neighbors()).isEqualTo(service.network().system(2914).orElseThrow().neighbors());
        // the network changes when the record comes back from the world topic
        assertThat(service.network().system(2914).orElseThrow().originates()).containsExactly("129.250.0.0/16");
        service.onAutonomousSystem("AS2914", ntt);
        assertThat(service.network().system(2914).orElseThrow().originates()).contains("54.217.40.0/24");
        PacketRouted hijacked = (PacketRouted) service.handle(resolvedTo("j-7", "54.217.40.22")).payload();
        assertThat(hijacked.destinationPrefix()).isEqualTo("54.217.40.0/24");
        assertThat(hijacked.originAs()).isEqualTo(2914L);
        assertThat(hijacked.asPath()).containsExactly(1299L, 2914L);
        assertThat(hijacked.hijackWarning()).isEqualTo("possible hijack: 54.217.40.0/24 is originated by AS2914 but "
                + "the covering 54.216.0.0/15 by AS16509; traffic follows the more specific 54.217.40.0/24 "
                + "(longest-prefix match)");
        assertThat(((PacketRouted) service.handle(resolvedTo("j-8", ALB)).payload()).hijackWarning()).isNull();
    }

    @Test
    void aWithdrawalRemovesThePrefixFromTheAsRecord() {
        AutonomousSystem aws = service.withdraw(16509, "54.216.0.0/15").value();
        assertThat(written).containsExactly(aws);
        assertThat(aws.originates()).containsExactly("205.251.192.0/21", "205.251.240.0/22");
        assertThat(service.network().system(16509).orElseThrow().originates()).contains("54.216.0.0/15");
    }

    @Test
    void aChangeThatCannotBeMadeIsRefusedNamingTheField() {
        assertRefused(() -> service.announce(2914, "54.217.40.22/24"), Refused.Kind.INVALID, "prefix",
                "host bits");
        assertRefused(() -> service.announce(2914, "54.217.40/24"), Refused.Kind.INVALID, "prefix",
                "CIDR");
        assertRefused(() -> service.announce(2914, null), Refused.Kind.INVALID, "prefix", "required");
        assertRefused(() -> service.announce(65551, "54.217.40.0/24"), Refused.Kind.UNKNOWN, "asn",
                "AS65551 is not in the world");
        assertRefused(() -> service.announce(16509, "54.216.0.0/15"), Refused.Kind.CONFLICT, "prefix",
                "already announces");
        assertRefused(() -> service.withdraw(2914, "54.216.0.0/15"), Refused.Kind.UNKNOWN, "prefix",
                "does not announce");
    }

    private static void assertRefused(Runnable change, Refused.Kind kind, String field, String detail) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(Refused.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    private static HopEvent resolvedTo(String journeyId, String ip) {
        HopEvent in = resolved(journeyId, "laptop", Outcome.ok());
        return HopEvent.first(journeyId, in.simStartedAt(), 30_000, WALL, Outcome.ok(), in.context().withServerIp(ip),
                in.payload());
    }

    @Test
    void aClientOnNoKnownLanHasNoRoute() {
        HopEvent out = service.handle(resolved("j-6", "stranger", Outcome.ok()));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.NO_ROUTE);
        assertThat(((PacketRouted) out.payload()).path()).isEmpty();
    }
}

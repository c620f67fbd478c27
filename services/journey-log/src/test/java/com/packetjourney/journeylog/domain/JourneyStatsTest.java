package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.journey.JourneyStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyStatsTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void countsOutcomesAndFailuresAndSummarisesLatencies() {
        JourneyStore store = new JourneyStore(Duration.ofSeconds(30));
        JourneyFixtures.completed("a", WALL).forEach(store::apply);
        JourneyFixtures.completed("b", WALL).forEach(store::apply);
        JourneyFixtures.failedAtDns("c", WALL).forEach(store::apply);
        JourneyFixtures.completed("d", WALL).subList(0, 2).forEach(store::apply);

        JourneyStats stats = store.stats(JourneyFilter.ALL, WALL);

        assertThat(stats.journeys()).isEqualTo(4);
        assertThat(stats.byOutcome()).containsEntry(JourneyStatus.COMPLETED, 2).containsEntry(JourneyStatus.FAILED, 1)
                .containsEntry(JourneyStatus.IN_PROGRESS, 1).containsEntry(JourneyStatus.STALLED, 0);
        assertThat(stats.byFailingHop()).containsExactly(java.util.Map.entry("dns.resolved", 1));
        assertThat(stats.byFailureCode()).containsExactly(java.util.Map.entry(FailureCode.DNS_NXDOMAIN, 1));
        long total = JourneyFixtures.totalLatency(JourneyFixtures.completed("a", WALL));
        assertThat(stats.endToEndMicros()).isEqualTo(new LatencyDistribution(2, total, total, total, total, total));
        // a, b, c and d all reached DHCP; only a and b the ALB
        assertThat(stats.hopLatencyMicros().get("dhcp.configured").count()).isEqualTo(4);
        assertThat(stats.hopLatencyMicros().get("alb.forwarded"))
                .isEqualTo(new LatencyDistribution(2, 4_200, 4_200, 4_200, 4_200, 4_200));
        assertThat(stats.hopLatencyMicros().keySet()).containsExactly("journey.requested", "dhcp.configured",
                "dns.resolved", "packet.routed", "alb.forwarded", "pod.responded");
    }

    @Test
    void statsFollowTheFilter() {
        JourneyStore store = new JourneyStore(Duration.ofSeconds(30));
        JourneyFixtures.completed("a", WALL).forEach(store::apply);
        JourneyFixtures.failedAtDns("c", WALL).forEach(store::apply);
        JourneyStats failed = store.stats(JourneyFilter.status(JourneyStatus.FAILED), WALL);
        assertThat(failed.journeys()).isEqualTo(1);
        assertThat(failed.endToEndMicros().count()).isZero();
    }
}

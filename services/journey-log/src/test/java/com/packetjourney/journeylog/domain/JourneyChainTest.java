package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.Journey;
import com.packetjourney.contracts.journey.JourneyStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared fold decides by hop sequence and causation id, not by arrival. */
class JourneyChainTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aHopWhoseCauseHasNotArrivedWaitsForIt() {
        List<HopEvent> hops = JourneyFixtures.completed("j-1", WALL);
        Journey journey = new Journey("j-1");
        for (int i : new int[]{0, 1, 3, 4, 5}) {
            journey.apply(hops.get(i));
        }
        assertThat(journey.chain()).extracting(HopEvent::hopType)
                .containsExactly(HopType.JOURNEY_REQUESTED, HopType.DHCP_CONFIGURED);
        assertThat(journey.status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        assertThat(journey.nextHop()).isEqualTo(HopType.DNS_RESOLVED);

        journey.apply(hops.get(2));
        assertThat(journey.chain()).containsExactlyElementsOf(hops);
        assertThat(journey.status()).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(journey.nextHop()).isNull();
    }

    @Test
    void anEventCausedBySomethingElseIsNotPartOfTheJourney() {
        List<HopEvent> hops = JourneyFixtures.completed("j-2", WALL).subList(0, 3);
        HopEvent dns = hops.get(2);
        HopEvent stray = new HopEvent("other-event", dns.journeyId(), dns.hop(), "not-the-dhcp-event", dns.service(),
                dns.simStartedAt(), 1, WALL.minusSeconds(5), dns.schemaVersion(), dns.outcome(), dns.context(),
                dns.payload());
        Journey journey = new Journey("j-2");
        journey.apply(stray);
        hops.forEach(journey::apply);

        assertThat(journey.chain()).containsExactlyElementsOf(hops);
        assertThat(journey.events()).hasSize(4);
    }

    @Test
    void aJourneyStopsProgressingAndIsReportedStalledAtItsLastHop() {
        Journey journey = new Journey("j-3");
        JourneyFixtures.completed("j-3", WALL).subList(0, 4).forEach(journey::apply);

        assertThat(journey.view(WALL.plus(TIMEOUT), TIMEOUT).status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        var stalled = journey.view(WALL.plus(TIMEOUT).plusMillis(1), TIMEOUT);
        assertThat(stalled.status()).isEqualTo(JourneyStatus.STALLED);
        assertThat(stalled.lastHop()).isEqualTo("packet.routed");
    }

    @Test
    void aFailureEndsTheJourneyAndNamesTheHop() {
        Journey journey = new Journey("j-4");
        JourneyFixtures.failedAtDns("j-4", WALL).forEach(journey::apply);
        assertThat(journey.status(WALL.plus(Duration.ofDays(1)), TIMEOUT)).isEqualTo(JourneyStatus.FAILED);
        assertThat(journey.nextHop()).isNull();
    }
}

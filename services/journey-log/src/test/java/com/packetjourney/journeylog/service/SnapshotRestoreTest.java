package com.packetjourney.journeylog.service;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.journeylog.domain.JourneyFixtures;
import com.packetjourney.journeylog.domain.PartitionSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotRestoreTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static JourneyLogService service(Clock clock) {
        return new JourneyLogService(clock, TIMEOUT);
    }

    /** Feeds events as if journey i's records were on partition i % 2, at increasing offsets per topic. */
    private static void feed(JourneyLogService service, List<List<HopEvent>> journeys, Map<String, Long> nextOffset) {
        for (int i = 0; i < journeys.size(); i++) {
            for (HopEvent e : journeys.get(i)) {
                String topic = e.hopType().topic();
                int partition = i % 2;
                long offset = nextOffset.merge(topic + "/" + partition, 1L, Long::sum) - 1;
                service.onHopRecord(topic, partition, offset, e.journeyId(),
                        Json.write(e).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aRestoredSnapshotGivesTheSameJourneysAndTheOffsetsToGoOnFrom() {
        Clock clock = Clock.fixed(WALL, ZoneOffset.UTC);
        JourneyLogService before = service(clock);
        List<List<HopEvent>> journeys = List.of(JourneyFixtures.completed("a", WALL),
                JourneyFixtures.failedAtDns("b", WALL), JourneyFixtures.completed("c", WALL).subList(0, 3));
        feed(before, journeys, new java.util.HashMap<>());

        PartitionSnapshot p0 = Json.read(Json.write(before.snapshot(0)), PartitionSnapshot.class);
        PartitionSnapshot p1 = Json.read(Json.write(before.snapshot(1)), PartitionSnapshot.class);
        assertThat(p0.events()).extracting(HopEvent::journeyId).containsOnly("a", "c");
        assertThat(p1.events()).extracting(HopEvent::journeyId).containsOnly("b");
        // journey a has one record on each of the six hop topics in partition 0, c three more on the first three
        assertThat(p0.offsets()).containsEntry("pj.hop.journey-requested", 2L).containsEntry("pj.hop.pod", 1L);

        JourneyLogService after = service(clock);
        after.restore(p1);
        after.restore(p0);
        for (String id : List.of("a", "b", "c")) {
            assertThat(after.journey(id)).isEqualTo(before.journey(id));
        }
        assertThat(after.nextOffset("pj.hop.dns", 0)).contains(2L);
        assertThat(after.nextOffset("pj.hop.alb", 1)).isEmpty();
        assertThat(after.snapshot(0)).isEqualTo(p0);
    }

    @Test
    void rereadingWhatASnapshotAlreadyHoldsChangesNothing() {
        Clock clock = Clock.fixed(WALL, ZoneOffset.UTC);
        JourneyLogService service = service(clock);
        List<List<HopEvent>> journeys = List.of(JourneyFixtures.completed("a", WALL));
        feed(service, journeys, new java.util.HashMap<>());
        PartitionSnapshot snapshot = service.snapshot(0);

        JourneyLogService restarted = service(clock);
        restarted.restore(snapshot);
        List<JourneySummary> changes = new ArrayList<>();
        restarted.addListener(changes::add);
        feed(restarted, journeys, new java.util.HashMap<>());

        assertThat(changes).isEmpty();
        assertThat(restarted.journey("a")).isEqualTo(service.journey("a"));
    }

    @Test
    void listenersHearOfEachChangeAndOfAStallOnce() {
        Clock start = Clock.fixed(WALL, ZoneOffset.UTC);
        MutableClock clock = new MutableClock(start.instant());
        JourneyLogService service = service(clock);
        List<JourneySummary> changes = new ArrayList<>();
        service.addListener(changes::add);
        feed(service, List.of(JourneyFixtures.completed("a", WALL).subList(0, 3)), new java.util.HashMap<>());
        assertThat(changes).extracting(JourneySummary::hopCount).containsExactly(1, 2, 3);

        service.checkStalls();
        assertThat(changes).hasSize(3);
        clock.now = WALL.plus(TIMEOUT).plusSeconds(1);
        service.checkStalls();
        service.checkStalls();
        assertThat(changes).hasSize(4);
        assertThat(changes.get(3).status()).isEqualTo(JourneyStatus.STALLED);
        assertThat(changes.get(3).lastHop()).isEqualTo("dns.resolved");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void unfinishedJourneysAreCountedAsInProgressOrStalledAndEndedOnesNotAtAll() {
        MutableClock clock = new MutableClock(WALL);
        JourneyLogService service = service(clock);
        feed(service, List.of(JourneyFixtures.completed("done", WALL), JourneyFixtures.failedAtDns("failed", WALL),
                JourneyFixtures.completed("open1", WALL).subList(0, 2),
                JourneyFixtures.completed("open2", WALL).subList(0, 4)), new java.util.HashMap<>());

        assertThat(service.countUnfinished(JourneyStatus.IN_PROGRESS)).isEqualTo(2);
        assertThat(service.countUnfinished(JourneyStatus.STALLED)).isZero();
        clock.now = WALL.plus(TIMEOUT).plusSeconds(60);
        assertThat(service.countUnfinished(JourneyStatus.IN_PROGRESS)).isZero();
        assertThat(service.countUnfinished(JourneyStatus.STALLED)).isEqualTo(2);
        assertThat(service.journeys(JourneyStatus.STALLED, 10)).extracting(JourneySummary::journeyId)
                .containsExactlyInAnyOrder("open1", "open2");
    }
}

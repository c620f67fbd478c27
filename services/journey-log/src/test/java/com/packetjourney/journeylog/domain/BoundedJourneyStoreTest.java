package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store keeps the events of open journeys and of a few recently read finished ones; the others are read back
 * from the log by position, and every answer is the same as from a store that keeps everything.
 */
class BoundedJourneyStoreTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A log in memory: events by position, and how many were read back. */
    private static final class ListLog implements HopEventLog {
        final Map<LogPosition, HopEvent> records = new HashMap<>();
        final Map<Integer, Long> nextOffset = new HashMap<>();
        int reads;

        LogPosition append(HopEvent e) {
            long offset = nextOffset.merge(e.hopType().ordinal(), 1L, Long::sum) - 1;
            LogPosition at = new LogPosition(e.hopType(), 0, offset);
            records.put(at, e);
            return at;
        }

        @Override
        public List<HopEvent> read(List<LogPosition> positions) {
            reads++;
            List<HopEvent> events = new ArrayList<>();
            for (LogPosition p : positions) {
                HopEvent e = records.get(p);
                if (e == null) {
                    throw new IllegalStateException("nothing at " + p);
                }
                events.add(e);
            }
            return events;
        }
    }

    private final ListLog log = new ListLog();
    private final JourneyStore bounded = new JourneyStore(TIMEOUT, 2, log);
    private final JourneyStore everything = new JourneyStore(TIMEOUT);

    private void feed(List<HopEvent> events) {
        for (HopEvent e : events) {
            LogPosition at = log.append(e);
            bounded.apply(e, at);
            everything.apply(e);
        }
    }

    @Test
    void aJourneyLetsGoOfItsEventsAsItFinishes() {
        for (int i = 0; i < 5; i++) {
            feed(JourneyFixtures.completed("done-" + i, WALL.plusSeconds(i)));
        }
        feed(JourneyFixtures.failedAtDns("failed", WALL));
        feed(JourneyFixtures.completed("open", WALL).subList(0, 3));

        assertThat(bounded.size()).isEqualTo(7);
        assertThat(bounded.loadedCount()).isEqualTo(1); // "open"
        assertThat(log.reads).isZero();
    }

    @Test
    void aJourneyWhoseFirstHopIsReadLastIsNotFinishedBeforeIt() {
        List<HopEvent> hops = JourneyFixtures.completed("late-start", WALL);
        feed(hops.subList(1, 6));
        assertThat(bounded.entry("late-start", WALL).orElseThrow().isFinished()).isFalse();
        assertThat(bounded.loadedCount()).isEqualTo(1);

        feed(hops.subList(0, 1));
        assertThat(bounded.entry("late-start", WALL).orElseThrow().isFinished()).isTrue();
        assertThat(bounded.loadedCount()).isZero();
        assertThat(log.reads).isZero();
    }

    @Test
    void theMostRecentlyReadFinishedJourneysStayLoadedUpToTheCache() {
        for (int i = 0; i < 4; i++) {
            feed(JourneyFixtures.completed("done-" + i, WALL.plusSeconds(i)));
        }
        for (String id : List.of("done-0", "done-1", "done-2", "done-1")) {
            bounded.view(id, WALL);
        }
        assertThat(log.reads).isEqualTo(3);
        assertThat(bounded.loadedCount()).isEqualTo(2); // "done-2" and "done-1", the cache's two
        bounded.view("done-2", WALL);
        bounded.view("done-0", WALL);
        assertThat(log.reads).isEqualTo(4);
    }

    @Test
    void aFinishedJourneyLetGoIsReadBackFromTheLogTheSameAsEverKept() {
        for (int i = 0; i < 5; i++) {
            feed(JourneyFixtures.completed("done-" + i, WALL.plusSeconds(i)));
        }
        feed(JourneyFixtures.failedAtDns("failed", WALL));

        JourneyView readBack = bounded.view("done-0", WALL).orElseThrow();
        assertThat(log.reads).isEqualTo(1);
        assertThat(readBack).isEqualTo(everything.view("done-0", WALL).orElseThrow());
        assertThat(readBack.hops()).hasSize(6);
        // now among the recently read: asked again, it is not read again
        bounded.view("done-0", WALL);
        assertThat(log.reads).isEqualTo(1);
        assertThat(bounded.loadedCount()).isEqualTo(1);
    }

    @Test
    void listsFiltersAndStatisticsComeFromTheIndexWithoutReadingTheLog() {
        for (int i = 0; i < 4; i++) {
            feed(JourneyFixtures.completed("done-" + i, WALL.plusSeconds(i)));
        }
        feed(JourneyFixtures.failedAtDns("failed", WALL.plusSeconds(10)));
        feed(JourneyFixtures.completed("open", WALL).subList(0, 2));
        Instant later = WALL.plus(TIMEOUT).plusSeconds(60);

        assertThat(bounded.recent(null, 10, later)).extracting(IndexedJourney::journeyId)
                .isEqualTo(everything.recent(null, 10, later).stream().map(IndexedJourney::journeyId).toList());
        assertThat(bounded.status("open", later)).isEqualTo(JourneyStatus.STALLED);
        assertThat(bounded.stats(JourneyFilter.ALL, later)).isEqualTo(everything.stats(JourneyFilter.ALL, later));
        assertThat(bounded.stats(JourneyFilter.ALL, later).byOutcome().get(JourneyStatus.COMPLETED)).isEqualTo(4);
        assertThat(log.reads).isZero();
    }

    @Test
    void aLateDuplicateOfALetGoJourneyChangesNothing() {
        List<HopEvent> first = JourneyFixtures.completed("first", WALL);
        feed(first);
        for (int i = 0; i < 3; i++) {
            feed(JourneyFixtures.completed("later-" + i, WALL.plusSeconds(i + 1)));
        }
        IndexedJourney before = bounded.entry("first", WALL).orElseThrow();

        assertThat(bounded.apply(first.get(2), log.append(first.get(2)))).isFalse();
        assertThat(bounded.entry("first", WALL)).contains(before);
        assertThat(bounded.view("first", WALL).orElseThrow().hops()).containsExactlyElementsOf(first);
    }

    @Test
    void aJourneyWhoseEventsAreGoneFromTheLogSaysSo() {
        for (int i = 0; i < 3; i++) {
            feed(JourneyFixtures.completed("done-" + i, WALL.plusSeconds(i)));
        }
        log.records.clear(); // the topics' retention removed them

        assertThatThrownBy(() -> bounded.view("done-0", WALL)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing at");
        assertThat(bounded.entry("done-0", WALL)).get().extracting(IndexedJourney::status)
                .isEqualTo(JourneyStatus.COMPLETED);
    }

    @Test
    void aPositionPacksIntoALongAndBack() {
        LogPosition p = new LogPosition(com.packetjourney.contracts.HopType.POD_RESPONDED, 2, 123_456_789_012L);
        assertThat(LogPosition.unpack(p.packed())).isEqualTo(p);
        assertThatThrownBy(() -> new LogPosition(com.packetjourney.contracts.HopType.DNS_RESOLVED, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

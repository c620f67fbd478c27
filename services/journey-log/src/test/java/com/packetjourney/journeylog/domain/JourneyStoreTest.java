package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyStoreTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final JourneyStore store = new JourneyStore(TIMEOUT);

    private JourneyView view(String id) {
        return store.view(id, WALL).orElseThrow();
    }

    @Test
    void aDuplicateDeliveryDoesNotDuplicateAHop() {
        List<HopEvent> hops = JourneyFixtures.completed("j-1", WALL);
        hops.forEach(store::apply);
        assertThat(store.apply(hops.get(2))).isFalse();
        assertThat(view("j-1").hops()).hasSize(6);
        assertThat(view("j-1").simTotalMicros()).isEqualTo(JourneyFixtures.totalLatency(hops));
    }

    @Test
    void hopsAppliedOutOfOrderComeOutInOrder() {
        List<HopEvent> hops = JourneyFixtures.completed("j-1", WALL);
        for (int i : new int[]{4, 1, 5, 0, 3, 2}) {
            store.apply(hops.get(i));
        }

        JourneyView view = view("j-1");
        assertThat(view.hops()).containsExactlyElementsOf(hops);
        assertThat(view.hops()).extracting(HopEvent::hopType).containsExactly(HopType.values());
        assertThat(view.status()).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(view.url()).isEqualTo(JourneyFixtures.URL);
        assertThat(view.simStartedAt()).isEqualTo(JourneyFixtures.EPOCH);
        assertThat(view.lastHop()).isEqualTo("pod.responded");
        assertThat(view.httpStatus()).isEqualTo(200);
    }

    @Test
    void aFailedJourneyNamesTheHopAndTheCode() {
        JourneyFixtures.failedAtDns("j-2", WALL).forEach(store::apply);
        JourneyView view = view("j-2");
        assertThat(view.status()).isEqualTo(JourneyStatus.FAILED);
        assertThat(view.failedHop()).isEqualTo("dns.resolved");
        assertThat(view.failureCode()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(view.failureMessage()).contains("does not exist");
        assertThat(view.httpStatus()).isNull();
    }

    @Test
    void aJourneyWithoutNewsForLongerThanTheTimeoutIsStalled() {
        Clock clock = Clock.fixed(WALL, ZoneOffset.UTC);
        JourneyFixtures.completed("j-3", clock.instant()).subList(0, 3).forEach(store::apply);
        assertThat(store.view("j-3", clock.instant().plus(TIMEOUT)).orElseThrow().status())
                .isEqualTo(JourneyStatus.IN_PROGRESS);
        Clock later = Clock.offset(clock, TIMEOUT.plusSeconds(1));
        assertThat(store.view("j-3", later.instant()).orElseThrow().status()).isEqualTo(JourneyStatus.STALLED);
        assertThat(store.recent(JourneyStatus.STALLED, 10, later.instant())).extracting(IndexedJourney::journeyId)
                .containsExactly("j-3");
    }

    @Test
    void anUnknownJourneyIsNotThere() {
        assertThat(store.view("nope", WALL)).isEmpty();
    }

    @Test
    void theMostRecentlyBegunComeFirstFilteredAndLimited() {
        JourneyFixtures.completed("a", WALL).forEach(store::apply);
        JourneyFixtures.failedAtDns("b", WALL).forEach(store::apply);
        JourneyFixtures.completed("c", WALL).forEach(store::apply);
        // a late event of an older journey does not make it more recent
        store.apply(JourneyFixtures.completed("a", WALL).get(5));

        assertThat(store.recent(null, 10, WALL)).extracting(IndexedJourney::journeyId).containsExactly("c", "b", "a");
        assertThat(store.recent(null, 2, WALL)).extracting(IndexedJourney::journeyId).containsExactly("c", "b");
        assertThat(store.recent(JourneyStatus.COMPLETED, 10, WALL)).extracting(IndexedJourney::journeyId)
                .containsExactly("c", "a");
        assertThat(store.recent(JourneyStatus.FAILED, 10, WALL)).extracting(IndexedJourney::journeyId)
                .containsExactly("b");
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void pagesOfAFilteredListCountEveryMatch() {
        for (int i = 0; i < 5; i++) {
            JourneyFixtures.completed("ok-" + i, WALL.plusSeconds(i)).forEach(store::apply);
        }
        JourneyFixtures.failedAtDns("bad", WALL).forEach(store::apply);

        Page<IndexedJourney> first = store.query(JourneyFilter.status(JourneyStatus.COMPLETED), 0, 2, WALL);
        assertThat(first.items()).extracting(IndexedJourney::journeyId).containsExactly("ok-4", "ok-3");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        Page<IndexedJourney> last = store.query(JourneyFilter.status(JourneyStatus.COMPLETED), 4, 2, WALL);
        assertThat(last.items()).extracting(IndexedJourney::journeyId).containsExactly("ok-0");
        assertThat(last.hasNext()).isFalse();
        assertThat(store.query(JourneyFilter.ALL, 10, 2, WALL).items()).isEmpty();
    }
}

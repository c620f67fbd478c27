package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.journey.JourneyFold;
import com.packetjourney.contracts.journey.JourneyView;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fold depends only on the set of events seen: any order (as when the hop topics are read in any order), any
 * number of re-deliveries, and re-computed versions of a hop give the same journeys as the log read once in order.
 */
class JourneyFoldPropertyTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Several journeys: completed, failed at DNS, or cut short after some hops. */
    @Provide
    Arbitrary<List<HopEvent>> logs() {
        Arbitrary<List<HopEvent>> journey = Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 6)).as((id, kind, cut) -> switch (kind) {
                    case 0 -> JourneyFixtures.completed("j-" + id, WALL);
                    case 1 -> JourneyFixtures.failedAtDns("j-" + id, WALL);
                    default -> JourneyFixtures.completed("j-" + id, WALL).subList(0, cut);
                });
        return journey.list().ofMinSize(1).ofMaxSize(5).map(js -> {
            List<HopEvent> all = new ArrayList<>();
            js.forEach(all::addAll);
            return all;
        });
    }

    @Property(tries = 300)
    void anyOrderAndAnyDuplicatesGiveTheSameJourneys(@ForAll("logs") List<HopEvent> log, @ForAll long seed,
                                                     @ForAll("duplicates") int duplicates) {
        Random random = new Random(seed);
        List<HopEvent> delivered = new ArrayList<>(log);
        for (int i = 0; i < duplicates; i++) {
            delivered.add(log.get(random.nextInt(log.size())));
        }
        Collections.shuffle(delivered, random);

        assertThat(views(JourneyFold.of(delivered))).isEqualTo(views(JourneyFold.of(log)));
    }

    @Property(tries = 200)
    void foldingTheSameEventsAgainChangesNothing(@ForAll("logs") List<HopEvent> log, @ForAll long seed) {
        JourneyFold fold = JourneyFold.of(log);
        List<JourneyView> before = views(fold);
        List<HopEvent> again = new ArrayList<>(log);
        Collections.shuffle(again, new Random(seed));

        assertThat(again).allSatisfy(e -> assertThat(fold.apply(e)).isFalse());
        assertThat(views(fold)).isEqualTo(before);
    }

    /** A hop re-computed later (another wall time) is kept once, the same one whatever order both arrive in. */
    @Property(tries = 200)
    void aRecomputedHopResolvesTheSameWayInAnyOrder(@ForAll("logs") List<HopEvent> log, @ForAll long seed,
                                                    @ForAll("seconds") int laterBy) {
        List<HopEvent> withRecomputed = new ArrayList<>(log);
        for (HopEvent e : log) {
            withRecomputed.add(new HopEvent(e.eventId(), e.journeyId(), e.hop(), e.causationId(), e.service(),
                    e.simStartedAt(), e.simLatencyMicros(), e.wallTime().plusSeconds(laterBy), e.schemaVersion(),
                    e.outcome(), e.context(), e.payload()));
        }
        List<HopEvent> shuffled = new ArrayList<>(withRecomputed);
        Collections.shuffle(shuffled, new Random(seed));

        List<JourneyView> views = views(JourneyFold.of(shuffled));
        assertThat(views).isEqualTo(views(JourneyFold.of(log)));
        assertThat(views).allSatisfy(v -> assertThat(v.hops()).allSatisfy(h -> assertThat(h.wallTime()).isEqualTo(WALL)));
    }

    @Provide
    Arbitrary<Integer> duplicates() {
        return Arbitraries.integers().between(0, 20);
    }

    @Provide
    Arbitrary<Integer> seconds() {
        return Arbitraries.integers().between(1, 3600);
    }

    private static List<JourneyView> views(JourneyFold fold) {
        return fold.views(WALL, TIMEOUT);
    }
}

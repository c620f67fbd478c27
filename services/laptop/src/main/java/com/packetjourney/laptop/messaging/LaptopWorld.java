package com.packetjourney.laptop.messaging;

import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Topics;
import com.packetjourney.hop.HopEnvelope;
import com.packetjourney.hop.WorldFeeds;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.kafka.World;
import com.packetjourney.kafka.WrittenHere;
import com.packetjourney.laptop.service.LaptopService;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What the laptop reads (from the beginning on every start): the simulation's settings, the known devices, and the
 * journey-requested log, whose journeys set each device's simulated clock.
 */
@Startup
@Singleton
public class LaptopWorld {
    private final WrittenHere writtenHere = new WrittenHere();
    private final TopicTail world;
    private final TopicTail journeys;

    LaptopWorld(LaptopService service, WorldFeeds feeds) {
        world = feeds.start(service.world().subscribedIn(World.subscriptions()), () -> { });
        // the clocks are rebuilt from the journeys started; after that it only brings other instances' journeys
        journeys = feeds.started(TopicTail.reading("laptop-journeys", feeds.bootstrapServers())
                .topics(List.of(Topics.JOURNEY_REQUESTED)).consumerConfig(TopicTail.BATCHED_FETCH)
                .handler(r -> {
                    // journeys this instance started are on its clocks already: no second parse
                    if (r.value() != null && !writtenHere.readBack(r.key())) {
                        service.onJourneyStarted(HopEnvelope.read(r.value(), HopType.JOURNEY_REQUESTED));
                    }
                }));
    }

    /** Notes that the journey this instance is about to write is applied to its clocks here. */
    public void writtenHere(String journeyId) {
        writtenHere.note(journeyId);
    }

    /** Whether the world and the journeys started, as they stood at start, have been applied. */
    public boolean isCaughtUp() {
        return world.isCaughtUp() && journeys.isCaughtUp();
    }

    /** Blocks until the world and the journeys started, as they stood at start, have been applied. */
    public void awaitCaughtUp() {
        world.awaitCaughtUpOrFail();
        journeys.awaitCaughtUpOrFail();
    }
}

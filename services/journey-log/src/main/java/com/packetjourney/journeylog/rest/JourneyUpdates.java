package com.packetjourney.journeylog.rest;

import com.packetjourney.journeylog.service.JourneyLogService;
import com.packetjourney.journeylog.service.JourneySummary;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every journey change as it is folded, fanned out to each stream subscriber. Changes come from the hop reader and
 * from the stall check on their own threads, hence the serialized processor; a subscriber too slow to keep a
 * buffer of updates is dropped, and its browser reconnects and reloads.
 */
@ApplicationScoped
public class JourneyUpdates {
    private static final int BUFFER = 1024;

    private final SerializedProcessor<JourneySummary, JourneySummary> updates =
            BroadcastProcessor.<JourneySummary>create().serialized();

    void onStart(@Observes StartupEvent event, JourneyLogService service) {
        service.addListener(updates::onNext);
    }

    public Multi<JourneySummary> stream() {
        return Multi.createFrom().publisher(updates).onOverflow().buffer(BUFFER);
    }
}

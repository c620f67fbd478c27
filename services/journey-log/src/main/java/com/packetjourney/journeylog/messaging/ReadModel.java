package com.packetjourney.journeylog.messaging;

import com.packetjourney.contracts.Topics;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.journeylog.domain.PartitionSnapshot;
import com.packetjourney.journeylog.service.JourneyLogService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The journey log's read model: on start it loads the latest snapshot of every hop partition number and reads the
 * hop topics on from the offsets they cover; while running, it snapshots the partition numbers this instance owns
 * in the journey-log consumer group. Every instance folds every partition, so each answers for all journeys; the
 * group only decides who writes which snapshot.
 */
@ApplicationScoped
public class ReadModel {
    private static final Logger LOG = Logger.getLogger(ReadModel.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "pj.journey.stall-timeout", defaultValue = "30s")
    Duration stallTimeout;
    @ConfigProperty(name = "pj.journeylog.snapshot-topic", defaultValue = "pj.journeylog.snapshots")
    String snapshotTopicName;
    @ConfigProperty(name = "pj.journeylog.snapshot-interval", defaultValue = "30s")
    Duration snapshotInterval;
    @ConfigProperty(name = "pj.journeylog.group", defaultValue = "journey-log")
    String group;
    @ConfigProperty(name = "pj.journeylog.cached-journeys", defaultValue = "200")
    int cachedJourneys;

    private final String instanceId = "journey-log-" + UUID.randomUUID().toString().substring(0, 8);
    private HopEventFetcher fetcher;
    private SnapshotTopic snapshots;
    private TopicTail reader;
    private PartitionOwnership ownership;
    private Snapshotter snapshotter;
    private ScheduledExecutorService timer;
    private int restoredSnapshots;

    @Produces
    @Singleton
    JourneyLogService journeyLogService(MeterRegistry registry) {
        fetcher = new HopEventFetcher(bootstrapServers, Topics.hopTopics(), instanceId);
        JourneyLogService service = new JourneyLogService(Clock.systemUTC(), stallTimeout, cachedJourneys, fetcher);
        // a counter (it only grows), so that dashboards can take its rate over a window
        FunctionCounter.builder("pj.journeylog.unreadable.records", service, JourneyLogService::unreadableRecords)
                .description("Records on the hop topics that are no readable hop event, skipped").register(registry);
        registry.gauge("pj.journeylog.journeys", service, JourneyLogService::journeyCount);
        registry.gauge("pj.journeylog.journeys.loaded", service, JourneyLogService::loadedJourneyCount);
        return service;
    }

    void onStart(@Observes StartupEvent event, JourneyLogService service) {
        snapshots = new SnapshotTopic(bootstrapServers, snapshotTopicName, instanceId).ensureExists();
        List<PartitionSnapshot> loaded = snapshots.loadAll();
        loaded.forEach(service::restore);
        restoredSnapshots = loaded.size();
        LOG.infof("restored %d snapshots (%d journeys); reading the hop topics on from their offsets",
                loaded.size(), service.journeyCount());
        reader = hopReader(instanceId, bootstrapServers, Topics.hopTopics(), service).start();
        ownership = new PartitionOwnership(bootstrapServers, group, Topics.JOURNEY_REQUESTED, instanceId).start();
        snapshotter = new Snapshotter(service, ownership::owned, snapshots::write);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journey-log-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> guarded("stall check", service::checkStalls), 1, 1, TimeUnit.SECONDS);
        long every = snapshotInterval.toMillis();
        timer.scheduleWithFixedDelay(() -> guarded("snapshot", this::snapshotIfCaughtUp), every, every,
                TimeUnit.MILLISECONDS);
    }

    /**
     * The reader of every partition of the hop topics into the journey log, each from where the restored snapshot
     * left off (from the beginning where there is none). Not on any journey's path, so it fetches in batches; it
     * commits nothing: the offsets the fold covers travel with its snapshots.
     */
    static TopicTail.Builder hopReader(String name, String bootstrapServers, List<String> hopTopics,
                                       JourneyLogService service) {
        return TopicTail.reading(name + "-hops", bootstrapServers).topics(hopTopics)
                .consumerConfig(TopicTail.BATCHED_FETCH)
                .startingAt(service::nextOffset)
                .handler(r -> service.onHopRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value()));
    }

    private void snapshotIfCaughtUp() {
        if (reader.isCaughtUp()) {
            snapshotter.snapshotOwned();
        }
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // the next tick tries again; a failed snapshot only means more to re-read after a restart
            LOG.warnf("%s failed: %s", what, e.getMessage());
        }
    }

    /** Blocks until the hop topics have been read up to where they stood at start. */
    public void awaitCaughtUp() {
        reader.awaitCaughtUpOrFail();
    }

    public String instanceId() {
        return instanceId;
    }

    public String snapshotTopic() {
        return snapshotTopicName;
    }

    public int restoredSnapshots() {
        return restoredSnapshots;
    }

    public Set<Integer> ownedPartitions() {
        return ownership.owned();
    }

    public Map<Integer, Map<String, Long>> lastSnapshots() {
        return snapshotter.lastWritten();
    }

    public long recordsReadSinceStart() {
        return reader.recordsRead();
    }

    /** Stops reading, writes a last snapshot of what this instance owns, then leaves the group. */
    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (reader != null) {
            reader.close();
            if (reader.isCaughtUp()) {
                guarded("final snapshot", snapshotter::snapshotOwned);
            }
        }
        if (ownership != null) {
            ownership.close();
        }
        if (snapshots != null) {
            snapshots.close();
        }
        if (fetcher != null) {
            fetcher.close();
        }
    }
}

package com.packetjourney.journeylog.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.contracts.Topics;
import com.packetjourney.journeylog.domain.JourneyFixtures;
import com.packetjourney.journeylog.service.JourneyLogService;
import com.packetjourney.testsupport.SharedKafka;
import com.packetjourney.testsupport.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restarted journey log loads the snapshots and reads on from their offsets: it ends up with every journey while
 * reading only the records written after the snapshot, and reads a finished journey's events back from the topics
 * when asked for it. Own topics, so the record counts are exact.
 */
class ReadModelRestartIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aRestartResumesFromTheSnapshotInsteadOfTheBeginning() throws Exception {
        String prefix = "it-" + UUID.randomUUID() + ".";
        List<String> hopTopics = Topics.hopTopics().stream().map(t -> prefix + t).toList();
        createTopics(hopTopics);
        Instant wall = Instant.now();

        List<HopEvent> before = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            before.addAll(JourneyFixtures.completed(prefix + "old-" + i, wall));
        }
        before.addAll(JourneyFixtures.failedAtDns(prefix + "old-failed", wall));
        publish(prefix, before);

        HopEventFetcher firstLog = new HopEventFetcher(SharedKafka.bootstrapServers(), hopTopics, "it-first");
        JourneyLogService first = new JourneyLogService(Clock.systemUTC(), TIMEOUT, 1, firstLog);
        try (SnapshotTopic snapshots = new SnapshotTopic(SharedKafka.bootstrapServers(), prefix + "snapshots", "it")
                .ensureExists();
             TopicTail reader = ReadModel.hopReader("it-first", SharedKafka.bootstrapServers(), hopTopics, first)
                     .start()) {
            assertThat(reader.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            assertThat(reader.recordsRead()).isEqualTo(before.size());
            int written = new Snapshotter(first, () -> Set.of(0, 1, 2), snapshots::write).snapshotOwned();
            assertThat(written).isEqualTo(3);
            // finished journeys are in the snapshots as index entries; their events stay in the log
            assertThat(List.of(0, 1, 2)).allSatisfy(p -> assertThat(first.snapshot(p).events()).isEmpty());
        }

        List<HopEvent> after = new ArrayList<>(JourneyFixtures.completed(prefix + "new", wall));
        after.add(before.get(3)); // a re-delivery of something the snapshot holds
        publish(prefix, after);

        HopEventFetcher secondLog = new HopEventFetcher(SharedKafka.bootstrapServers(), hopTopics, "it-second");
        JourneyLogService second = new JourneyLogService(Clock.systemUTC(), TIMEOUT, 0, secondLog);
        try (SnapshotTopic snapshots = new SnapshotTopic(SharedKafka.bootstrapServers(), prefix + "snapshots", "it")) {
            snapshots.loadAll().forEach(second::restore);
        }
        assertThat(second.journeyCount()).isEqualTo(5);
        try (TopicTail reader = ReadModel.hopReader("it-second", SharedKafka.bootstrapServers(), hopTopics, second)
                .start()) {
            assertThat(reader.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            assertThat(reader.recordsRead()).isEqualTo(after.size());
        }
        assertThat(second.journeyCount()).isEqualTo(6);
        assertThat(second.loadedJourneyCount()).isZero();
        // every journey read back from the topics by position, on both sides
        for (String id : List.of("old-0", "old-3", "old-failed")) {
            assertThat(second.journey(prefix + id)).isEqualTo(first.journey(prefix + id));
            assertThat(second.journey(prefix + id).orElseThrow().hops()).isNotEmpty();
        }
        assertThat(second.journey(prefix + "new").orElseThrow().hops()).hasSize(6);
        firstLog.close();
        secondLog.close();
    }

    private static void publish(String prefix, List<HopEvent> events) {
        for (HopEvent e : events) {
            TopicProbe.send(prefix + e.hopType().topic(), e.journeyId(), Json.write(e));
        }
    }

    private static void createTopics(List<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()))) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, Topics.HOP_PARTITIONS, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    admin.listTopics().names().get().containsAll(names));
        }
    }
}

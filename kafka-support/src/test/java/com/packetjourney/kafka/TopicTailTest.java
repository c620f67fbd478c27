package com.packetjourney.kafka;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** World topics read through typed subscriptions, from the beginning or from given offsets, on a real broker. */
class TopicTailTest {
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
        TopicAdmin.createAll(broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void everyFreshTailRebuildsTheSameTableFromTheBeginningIncludingDeletions() throws Exception {
        try (KeyedWriter writer = new KeyedWriter(broker.bootstrapServers(), "test")) {
            writer.sendAndWait(Topics.WORLD_CLIENTS, "laptop", new ClientDevice("laptop", "aa:bb:cc:00:00:01", "home"));
            writer.sendAndWait(Topics.WORLD_CLIENTS, "phone", new ClientDevice("phone", "aa:bb:cc:00:00:02", "home"));
            writer.sendAndWait(Topics.WORLD_CLIENTS, "phone", null);
        }
        for (int instance = 0; instance < 2; instance++) {
            WorldTable<ClientDevice> clients = new WorldTable<>();
            List<Set<String>> seenWhenCaughtUp = new CopyOnWriteArrayList<>();
            try (TopicTail tail = World.subscriptions().on(Topics.WORLD_CLIENTS, ClientDevice.class, clients)
                    .reading("test-" + instance, broker.bootstrapServers())
                    .onCaughtUp(() -> seenWhenCaughtUp.add(Set.copyOf(clients.keys()))).start()) {
                assertThat(tail.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
                // once, on the tail's thread, with every record up to the end offsets at start applied
                assertThat(seenWhenCaughtUp).containsExactly(Set.of("laptop"));
                assertThat(clients.keys()).containsExactly("laptop");
                assertThat(clients.get("laptop").mac()).isEqualTo("aa:bb:cc:00:00:01");
            }
        }
    }

    @Test
    void aWriterWaitsUntilTheTailHasAppliedItsOwnRecord() throws Exception {
        String key = "lan-" + System.nanoTime();
        List<String> appliedInOrder = new CopyOnWriteArrayList<>();
        LanSegment lan = new LanSegment(key, "10.1.0.0/24", "r", "10.1.0.1", "198.51.100.1", 64500, "10.1.0.10",
                "10.1.0.20", 600, List.of("10.1.0.1"), "198.51.100.53", 500);
        try (KeyedWriter writer = new KeyedWriter(broker.bootstrapServers(), "test");
             TopicTail tail = World.subscriptions()
                     .on(Topics.WORLD_LANS, LanSegment.class, (k, v) -> {
                         if (key.equals(k)) {
                             appliedInOrder.add(v == null ? "deleted" : v.poolEnd());
                         }
                     })
                     .reading("read-back", broker.bootstrapServers()).start()) {
            assertThat(tail.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            ReadBackWrites changes = new ReadBackWrites(writer, Duration.ofSeconds(30));
            changes.readBackFrom(tail);
            assertThat(changes.publish(Topics.WORLD_LANS, key, lan)).isEqualTo(
                    new WorldChanges.Applied<>(lan, Topics.WORLD_LANS, true));
            assertThat(appliedInOrder).containsExactly("10.1.0.20");
            assertThat(changes.publish(Topics.WORLD_LANS, key, null).applied()).isTrue();
            assertThat(appliedInOrder).containsExactly("10.1.0.20", "deleted");

            RecordMetadata later = writer.publish(Topics.WORLD_LANS, "other-" + key, lan);
            assertThat(tail.awaitApplied(later.topic(), later.partition(), later.offset() + 1, Duration.ofMillis(300)))
                    .as("a record not written yet is not applied").isFalse();
        }
    }

    @Test
    void aTailCanStartAtGivenOffsets() throws Exception {
        String key = "from-" + System.nanoTime();
        RecordMetadata first;
        try (KeyedWriter writer = new KeyedWriter(broker.bootstrapServers(), "test")) {
            first = writer.publish(Topics.WORLD_CLIENTS, key, new ClientDevice(key, "aa:bb:cc:00:00:03", "one"));
            writer.publish(Topics.WORLD_CLIENTS, key, new ClientDevice(key, "aa:bb:cc:00:00:03", "two"));
        }
        List<String> lans = new CopyOnWriteArrayList<>();
        try (TopicTail tail = World.subscriptions()
                .on(Topics.WORLD_CLIENTS, ClientDevice.class, (k, v) -> {
                    if (key.equals(k)) {
                        lans.add(v.lan());
                    }
                })
                .reading("from-offset", broker.bootstrapServers())
                .startingAt((topic, partition) -> partition == first.partition()
                        ? Optional.of(first.offset() + 1) : Optional.empty())
                .start()) {
            assertThat(tail.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            assertThat(lans).containsExactly("two");
        }
    }

    @Test
    void anEmptyTopicIsCaughtUpAtOnce() throws Exception {
        try (TopicTail tail = TopicTail.reading("empty", broker.bootstrapServers())
                .topics(List.of(Topics.ALB_TARGETS)).start()) {
            assertThat(tail.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        }
    }
}

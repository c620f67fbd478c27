package com.packetjourney.kafka;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.Json;
import com.packetjourney.kafka.embedded.EmbeddedKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

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
    void everyFreshTailRebuildsTheSameStateFromTheBeginningIncludingDeletions() throws Exception {
        try (KeyedWriter writer = new KeyedWriter(broker.bootstrapServers(), "test")) {
            writer.sendAndWait(Topics.WORLD_CLIENTS, "laptop", new ClientDevice("laptop", "aa:bb:cc:00:00:01", "home"));
            writer.sendAndWait(Topics.WORLD_CLIENTS, "phone", new ClientDevice("phone", "aa:bb:cc:00:00:02", "home"));
            writer.sendAndWait(Topics.WORLD_CLIENTS, "phone", null);
        }
        for (int instance = 0; instance < 2; instance++) {
            Map<String, ClientDevice> state = new ConcurrentHashMap<>();
            List<java.util.Set<String>> seenWhenCaughtUp = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (TopicTail tail = new TopicTail("test-" + instance, broker.bootstrapServers(),
                    List.of(Topics.WORLD_CLIENTS), (topic, key, value) -> {
                if (value == null) {
                    state.remove(key);
                } else {
                    state.put(key, Json.read(value, ClientDevice.class));
                }
            }).onCaughtUp(() -> seenWhenCaughtUp.add(java.util.Set.copyOf(state.keySet()))).start()) {
                assertThat(tail.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
                // once, on the tail's thread, with every record up to the end offsets at start applied
                assertThat(seenWhenCaughtUp).containsExactly(java.util.Set.of("laptop"));
                assertThat(state).containsOnlyKeys("laptop");
                assertThat(state.get("laptop").mac()).isEqualTo("aa:bb:cc:00:00:01");
            }
        }
    }

    @Test
    void anEmptyTopicIsCaughtUpAtOnce() throws Exception {
        try (TopicTail tail = new TopicTail("empty", broker.bootstrapServers(), List.of(Topics.ALB_TARGETS),
                (t, k, v) -> { }).start()) {
            assertThat(tail.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        }
    }
}

package com.packetjourney.kafka;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.packetjourney.contracts.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A service's typed subscriptions to the world topics it reads: each topic's records are decoded into their
 * contract record and handed, with their key, to every subscriber of that topic in the order subscribed (a
 * tombstone as null). Keyed copies of world topics are {@link WorldTable}s subscribed like any handler.
 *
 * <pre>{@code
 * TopicTail tail = World.subscriptions()
 *         .on(Topics.WORLD_CLIENTS, ClientDevice.class, clients)
 *         .on(Topics.WORLD_LANS, LanSegment.class, service::onLan)
 *         .reading("dhcp-server", bootstrapServers)
 *         .onCaughtUp(resumeHop)
 *         .start();
 * }</pre>
 */
public final class World {
    private final Map<String, List<Subscription<?>>> byTopic = new LinkedHashMap<>();

    private World() {
    }

    public static World subscriptions() {
        return new World();
    }

    private record Subscription<T>(JavaType type, BiConsumer<String, T> apply) {
        void deliver(String key, byte[] value) {
            apply.accept(key, value == null ? null : Json.read(value, type));
        }
    }

    public <T> World on(String topic, Class<T> type, BiConsumer<String, T> apply) {
        return add(topic, new Subscription<>(Json.mapper().constructType(type), apply));
    }

    public <T> World on(String topic, TypeReference<T> type, BiConsumer<String, T> apply) {
        return add(topic, new Subscription<>(Json.mapper().constructType(type), apply));
    }

    private World add(String topic, Subscription<?> subscription) {
        byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(subscription);
        return this;
    }

    /** Every subscribed topic, in the order first subscribed. */
    public List<String> topics() {
        return List.copyOf(byTopic.keySet());
    }

    /** Hands one record to the subscribers of its topic. */
    public void deliver(ConsumerRecord<String, byte[]> record) {
        for (Subscription<?> s : byTopic.getOrDefault(record.topic(), List.of())) {
            s.deliver(record.key(), record.value());
        }
    }

    /** A tail over the subscribed topics, from their beginning, delivering here; configure and start it. */
    public TopicTail.Builder reading(String name, String bootstrapServers) {
        return TopicTail.reading(name, bootstrapServers).topics(topics()).handler(this::deliver);
    }
}

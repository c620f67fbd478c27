package com.packetjourney.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small things the harness shares: a clock both wall-time stamps and nanoTime can be put on, a reader. */
final class Util {
    /** One instant seen on both clocks, so a wallTime field can be compared with System.nanoTime(). */
    private static final long BASE_NANOS = System.nanoTime();
    private static final Instant BASE_WALL = Instant.now();

    private Util() {
    }

    static long nanosOf(Instant wall) {
        long micros = (wall.getEpochSecond() - BASE_WALL.getEpochSecond()) * 1_000_000L
                + (wall.getNano() - BASE_WALL.getNano()) / 1000;
        return BASE_NANOS + micros * 1000;
    }

    static long wallMicrosNow() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    static long nanosOfWallMicros(long epochMicros) {
        long baseMicros = BASE_WALL.getEpochSecond() * 1_000_000L + BASE_WALL.getNano() / 1000;
        return BASE_NANOS + (epochMicros - baseMicros) * 1000;
    }

    /** A consumer of every partition of the topics (assigned, no group), positioned at their end. */
    static KafkaConsumer<String, byte[]> readerAtEnd(String bootstrap, List<String> topics) {
        return readerAtEnd(bootstrap, topics, Map.of());
    }

    /** {@code extra}: more consumer settings, e.g. to fetch in batches. */
    static KafkaConsumer<String, byte[]> readerAtEnd(String bootstrap, List<String> topics, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        config.putAll(extra);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = partitionsOf(consumer, topics);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve now: records written from here on are the run's
        return consumer;
    }

    static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    static void join(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

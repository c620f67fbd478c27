package com.packetjourney.journeylog.messaging;

import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.journeylog.domain.HopEventLog;
import com.packetjourney.journeylog.domain.LogPosition;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads hop events back by position for the journey log, with a consumer of its own: partitions assigned for the
 * read, a seek to each wanted offset, nothing committed. One read at a time.
 */
public final class HopEventFetcher implements HopEventLog, AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;

    /** {@code hopTopics}: the topic of each hop, in {@link HopChain#STANDARD} order. */
    public HopEventFetcher(String bootstrapServers, List<String> hopTopics, String clientId) {
        if (hopTopics.size() != HopChain.STANDARD.size()) {
            throw new IllegalArgumentException("one topic per hop type expected, got " + hopTopics);
        }
        this.topics = List.copyOf(hopTopics);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-fetcher");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a journey's events are a few kilobytes: fetch little beyond each wanted offset
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
    }

    @Override
    public synchronized List<HopEvent> read(List<LogPosition> positions) {
        Map<TopicPartition, Long> from = new HashMap<>();
        Set<LogPosition> wanted = new HashSet<>(positions);
        for (LogPosition p : positions) {
            from.merge(topicPartition(p), p.offset(), Math::min);
        }
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        Map<LogPosition, HopEvent> found = new HashMap<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (found.size() < wanted.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read back " + (wanted.size() - found.size())
                        + " events from the hop topics within " + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                LogPosition at = new LogPosition(hopOf(r.topic()), r.partition(),
                        r.offset());
                if (wanted.contains(at)) {
                    found.put(at, decode(at, r.value()));
                }
            }
            for (TopicPartition tp : from.keySet()) {
                if (!consumer.paused().contains(tp) && passedAllWanted(tp, wanted, found)) {
                    consumer.pause(List.of(tp));
                }
            }
            if (found.size() < wanted.size() && consumer.paused().containsAll(from.keySet())) {
                throw new IllegalStateException("events of a journey are no longer on the hop topics "
                        + "(removed by retention?): " + missing(wanted, found));
            }
        }
        consumer.unsubscribe();
        List<HopEvent> events = new ArrayList<>(positions.size());
        positions.forEach(p -> events.add(found.get(p)));
        return events;
    }

    private boolean passedAllWanted(TopicPartition tp, Set<LogPosition> wanted, Map<LogPosition, HopEvent> found) {
        long position = consumer.position(tp);
        return wanted.stream().filter(p -> topicPartition(p).equals(tp))
                .allMatch(p -> found.containsKey(p) || p.offset() < position);
    }

    private TopicPartition topicPartition(LogPosition p) {
        return new TopicPartition(topics.get(HopChain.STANDARD.position(p.hop().number())), p.partition());
    }

    private HopType hopOf(String topic) {
        return HopType.fromWireName(HopChain.STANDARD.hops().get(topics.indexOf(topic)).wireName());
    }

    private static List<LogPosition> missing(Set<LogPosition> wanted, Map<LogPosition, HopEvent> found) {
        return wanted.stream().filter(p -> !found.containsKey(p)).toList();
    }

    private static HopEvent decode(LogPosition at, byte[] value) {
        try {
            return Json.read(value, HopEvent.class);
        } catch (UnreadableEventException e) {
            throw new IllegalStateException("the event at " + at + " was read before and is unreadable now: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}

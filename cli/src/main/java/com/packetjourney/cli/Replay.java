package com.packetjourney.cli;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.journey.JourneyFold;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Rebuilds journeys straight from the hop topics with a bounded consumer of its own: partitions assigned (no group
 * id), read from the beginning or from the first record at a wall-clock instant, up to the end offsets captured at
 * start, never committing. Records written meanwhile are left for the next replay, so a replay is a snapshot of the
 * log, and the same log always replays to the same bytes.
 */
public final class Replay {
    /** Journeys whose last event is older than this, measured at the log's latest event, are reported stalled. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NO_PROGRESS_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What to replay: {@code from} is a wall-clock instant (records written at or after it), null for all;
     * {@code journeyId} the journeys whose id starts with it (a whole id or a prefix), null for all.
     */
    public record Options(String bootstrapServers, Instant from, String journeyId) {
    }

    /** The journeys in replay order, and what was read to build them. */
    public record Result(List<JourneyView> journeys, long records, long unreadable, int partitions) {
    }

    private Replay() {
    }

    /** Replays without drawing progress. */
    public static Result run(Options options) {
        return run(options, new ProgressBar(System.err, "replaying", false));
    }

    static Result run(Options options, ProgressBar progress) {
        return run(options, progress, () -> {
        });
    }

    /** {@code afterEndOffsets} runs once the end offsets are captured, before reading: tests write more there. */
    static Result run(Options options, ProgressBar progress, Runnable afterEndOffsets) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "packet-journey-replay");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        // the key (the journey id) is in the event too: left as bytes
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
             BatchDecoder decoder = new BatchDecoder(Runtime.getRuntime().availableProcessors())) {
            List<TopicPartition> partitions = partitions(consumer, options.bootstrapServers());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            afterEndOffsets.run();
            Map<TopicPartition, Long> start = startOffsets(consumer, partitions, end, options.from());
            consumer.assign(partitions);
            start.forEach(consumer::seek);

            JourneyFold fold = new JourneyFold();
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - start.get(tp)).sum();
            progress.start(total);
            long read = 0;
            long unreadable = 0;
            List<TopicPartition> reading = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                if (start.get(tp) < end.get(tp)) {
                    reading.add(tp);
                }
            }
            consumer.pause(partitions.stream().filter(tp -> !reading.contains(tp)).toList());
            long lastProgress = System.nanoTime();
            // one batch is parsed while the next is fetched; the fold takes them in the order they were read
            CompletableFuture<List<HopEvent>> parsing = null;
            while (!reading.isEmpty()) {
                List<byte[]> values = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        values.add(r.value()); // later offsets were written after the replay began
                    }
                }
                if (!values.isEmpty()) {
                    read += values.size();
                    lastProgress = System.nanoTime();
                    CompletableFuture<List<HopEvent>> next = decoder.decode(values);
                    if (parsing != null) {
                        unreadable += fold(parsing.join(), fold, options.journeyId());
                    }
                    parsing = next;
                }
                for (TopicPartition tp : List.copyOf(reading)) {
                    if (consumer.position(tp) >= end.get(tp)) {
                        reading.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
                progress.update(read);
                if (System.nanoTime() - lastProgress > NO_PROGRESS_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("replay made no progress for " + NO_PROGRESS_TIMEOUT.toSeconds()
                            + " s on " + reading + " (is the broker still up?)");
                }
            }
            if (parsing != null) {
                unreadable += fold(parsing.join(), fold, options.journeyId());
            }
            progress.finish();
            Instant logNow = fold.latestWallTime() == null ? Instant.EPOCH : fold.latestWallTime();
            return new Result(fold.views(logNow, STALL_TIMEOUT), read, unreadable, partitions.size());
        }
    }

    /** Folds the decoded events (of one journey only, when given); returns how many were unreadable. */
    private static int fold(List<HopEvent> events, JourneyFold fold, String journeyId) {
        int unreadable = 0;
        for (HopEvent event : events) {
            if (event == null) {
                unreadable++;
            } else if (journeyId == null || (event.journeyId() != null && event.journeyId().startsWith(journeyId))) {
                fold.apply(event);
            }
        }
        return unreadable;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String bootstrap) {
        List<TopicPartition> result = new ArrayList<>();
        for (String topic : Topics.hopTopics()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no topic " + topic + " on " + bootstrap
                        + " (is the stack up, or the scenario loaded?)");
            }
            infos.forEach(p -> result.add(new TopicPartition(p.topic(), p.partition())));
        }
        return result;
    }

    /** From the beginning, or from the first record written at or after {@code from} (its end where there is none). */
    private static Map<TopicPartition, Long> startOffsets(KafkaConsumer<byte[], byte[]> consumer,
                                                          List<TopicPartition> partitions,
                                                          Map<TopicPartition, Long> end, Instant from) {
        Map<TopicPartition, Long> start = new HashMap<>();
        if (from == null) {
            start.putAll(consumer.beginningOffsets(partitions));
        } else {
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(tp -> at.put(tp, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp o = found.get(tp);
                start.put(tp, o == null ? end.get(tp) : Math.min(o.offset(), end.get(tp)));
            }
        }
        return start;
    }

    /** One JSON document per line, each a journey as journey-log would serve it. */
    public static String jsonLines(Result result) {
        StringBuilder out = new StringBuilder();
        result.journeys().forEach(j -> out.append(Json.write(j)).append('\n'));
        return out.toString();
    }

    /** A table in replay order (simulated start, then id), with a count by outcome; nothing from the reader's clock. */
    public static String table(Result result) {
        TextTable table = new TextTable("SIMULATED START", "JOURNEY", "OUTCOME", "SIM TOTAL", "LAST HOP / FAILURE",
                "URL");
        for (JourneyView j : result.journeys()) {
            table.row(2, s -> Style.status(j.status(), s), String.valueOf(j.simStartedAt()), j.journeyId(),
                    j.status().name(), JourneyTable.ms(j.simTotalMicros()), JourneyTable.where(j), j.url());
        }
        StringBuilder out = new StringBuilder(table.render());
        Map<JourneyStatus, Long> counts = new EnumMap<>(JourneyStatus.class);
        result.journeys().forEach(j -> counts.merge(j.status(), 1L, Long::sum));
        out.append(Plural.of(result.journeys().size(), "journey"));
        if (!counts.isEmpty()) {
            out.append(": ").append(counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .collect(Collectors.joining(", ")));
        }
        out.append('\n');
        return out.toString();
    }
}

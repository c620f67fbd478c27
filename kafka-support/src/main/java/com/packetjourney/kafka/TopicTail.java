package com.packetjourney.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * Reads a set of topics from the beginning (or from given offsets) and then follows them, handing every record to
 * one handler on one thread. Partitions are assigned, not subscribed, and nothing is committed: every instance
 * rebuilds its state on each start, independent of any other instance. It is caught up once the end offsets seen
 * at start have been reached; {@link #awaitApplied} lets a writer wait until its own record has been handled
 * (read-your-writes).
 */
public final class TopicTail implements AutoCloseable {

    /** Called for every record, in offset order per partition; a null value is a tombstone (a deletion). */
    @FunctionalInterface
    public interface Handler {
        void onRecord(ConsumerRecord<String, byte[]> record);
    }

    private static final Logger LOG = Logger.getLogger(TopicTail.class);
    private static final Duration PARTITIONS_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Consumer settings for a tail on no journey's path, such as a service re-reading its own hop topic: fetch in
     * batches (64 KB or 100 ms) rather than one fetch per record, which the broker pays for under load.
     */
    public static final Map<String, Object> BATCHED_FETCH = Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024,
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final Handler handler;
    private final BiFunction<String, Integer, Optional<Long>> startingAt;
    private final Runnable onCaughtUp;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicLong recordsRead = new AtomicLong();
    /** Next offset to handle per partition, as far as the handler has got: what {@link #awaitApplied} waits on. */
    private final Map<TopicPartition, Long> applied = new HashMap<>();
    private final Thread thread;
    private final BooleanSupplier readiness = this::isCaughtUp;
    private volatile boolean running = true;

    private TopicTail(Builder b) {
        this.name = b.name;
        this.topics = List.copyOf(b.topics);
        this.handler = b.handler;
        this.startingAt = b.startingAt;
        this.onCaughtUp = b.onCaughtUp;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, b.name + "-tail");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putAll(b.consumerConfig);
        this.consumer = new KafkaConsumer<>(config);
        this.thread = new Thread(this::run, b.name + "-tail");
        this.thread.setDaemon(true);
        WorldReadiness.register(name, readiness); // the service is not ready until this tail has caught up
    }

    /** A tail named {@code name} (its thread and client id) on the broker at {@code bootstrapServers}. */
    public static Builder reading(String name, String bootstrapServers) {
        return new Builder(name, bootstrapServers);
    }

    public static final class Builder {
        private final String name;
        private final String bootstrapServers;
        private final List<String> topics = new ArrayList<>();
        private final Map<String, Object> consumerConfig = new HashMap<>();
        private Handler handler = r -> { };
        private BiFunction<String, Integer, Optional<Long>> startingAt = (topic, partition) -> Optional.empty();
        private Runnable onCaughtUp = () -> { };

        private Builder(String name, String bootstrapServers) {
            this.name = name;
            this.bootstrapServers = bootstrapServers;
        }

        public Builder topics(List<String> topics) {
            this.topics.addAll(topics);
            return this;
        }

        public Builder handler(Handler handler) {
            this.handler = handler;
            return this;
        }

        /** Settings added to the tail's consumer, e.g. {@link #BATCHED_FETCH}. */
        public Builder consumerConfig(Map<String, Object> config) {
            this.consumerConfig.putAll(config);
            return this;
        }

        /** Where to start in each partition (the next offset to read); the beginning where it answers empty. */
        public Builder startingAt(BiFunction<String, Integer, Optional<Long>> offsets) {
            this.startingAt = offsets;
            return this;
        }

        /**
         * Runs {@code action} once, on the tail's thread, when the end offsets seen at start have been reached: e.g.
         * to resume a hop's paused input, so that no hop is computed against a half-read world.
         */
        public Builder onCaughtUp(Runnable action) {
            this.onCaughtUp = action;
            return this;
        }

        public TopicTail build() {
            if (topics.isEmpty()) {
                throw new IllegalStateException(name + ": a tail reads at least one topic");
            }
            return new TopicTail(this);
        }

        public TopicTail start() {
            TopicTail tail = build();
            tail.thread.start();
            return tail;
        }
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** For a request that must not be answered from a half-read world: waits, or fails after 60 s. */
    public void awaitCaughtUpOrFail() {
        try {
            if (!awaitCaughtUp(Duration.ofSeconds(60))) {
                throw new IllegalStateException(name + ": world topics not read within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Records handed to the handler since start. */
    public long recordsRead() {
        return recordsRead.get();
    }

    /**
     * Waits until the record at {@code offset} of the partition has been handled (a writer reading its own write
     * back); false if not within the timeout.
     */
    public boolean awaitApplied(String topic, int partition, long offset, Duration timeout) {
        TopicPartition tp = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (applied) {
            try {
                while (applied.getOrDefault(tp, 0L) <= offset) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return false;
                    }
                    applied.wait(left);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            List<TopicPartition> fromStart = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                Optional<Long> next = startingAt.apply(tp.topic(), tp.partition());
                if (next.isPresent()) {
                    consumer.seek(tp, next.get());
                } else {
                    fromStart.add(tp);
                }
            }
            if (!fromStart.isEmpty()) {
                // an empty collection would mean every assigned partition
                consumer.seekToBeginning(fromStart);
            }
            Map<TopicPartition, Long> target = new HashMap<>(consumer.endOffsets(partitions));
            checkCaughtUp(target);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    recordsRead.incrementAndGet();
                    try {
                        handler.onRecord(r);
                    } catch (RuntimeException e) {
                        // One bad record must not stop every other one from being read.
                        LOG.errorf("%s: skipped record %s-%d@%d: %s", name, r.topic(), r.partition(), r.offset(),
                                e.getMessage());
                    }
                }
                notePositions(partitions);
                if (!isCaughtUp()) {
                    checkCaughtUp(target);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: tail stopped", name);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void notePositions(List<TopicPartition> partitions) {
        synchronized (applied) {
            for (TopicPartition tp : partitions) {
                applied.put(tp, consumer.position(tp));
            }
            applied.notifyAll();
        }
    }

    private void checkCaughtUp(Map<TopicPartition, Long> target) {
        target.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        if (target.isEmpty() && caughtUp.getCount() > 0) {
            try {
                onCaughtUp.run(); // before the latch opens: whoever waited on it finds the action done
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: the action on catching up failed", name);
            } finally {
                caughtUp.countDown();
            }
        }
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> result = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = List.of();
            long deadline = System.nanoTime() + PARTITIONS_TIMEOUT.toNanos();
            while (infos.isEmpty() && System.nanoTime() < deadline && running) {
                List<PartitionInfo> found = consumer.partitionsFor(topic);
                infos = found == null ? List.of() : found;
                if (infos.isEmpty()) {
                    sleep(200);
                }
            }
            if (infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(p -> result.add(new TopicPartition(p.topic(), p.partition())));
        }
        return result;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        WorldReadiness.unregister(name, readiness);
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reads a set of topics from the very beginning and then follows them, calling a handler for every record on one
 * thread. Partitions are assigned, not subscribed, and nothing is committed: every instance rebuilds its whole
 * state on each start, independent of any other instance. {@link #awaitCaughtUp} returns once the end offsets seen
 * at start have been reached.
 */
public final class TopicTail implements AutoCloseable {

    /** Called for every record, in offset order per partition; a null value is a tombstone (a deletion). */
    @FunctionalInterface
    public interface Handler {
        void onRecord(String topic, String key, byte[] value);
    }

    private static final Logger LOG = Logger.getLogger(TopicTail.class);

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final Handler handler;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private Runnable onCaughtUp = () -> { };
    private final BooleanSupplier readiness = this::isCaughtUp;

    /**
     * Consumer settings for a tail on no journey's path, such as a service re-reading its own hop topic: fetch in
     * batches (64 KB or 100 ms) rather than one fetch per record, which the broker pays for under load.
     */
    public static final Map<String, Object> BATCHED_FETCH = Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024,
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);

    public TopicTail(String name, String bootstrapServers, List<String> topics, Handler handler) {
        this(name, bootstrapServers, topics, Map.of(), handler);
    }

    /** {@code consumerConfig}: settings added to the tail's consumer, e.g. {@link #BATCHED_FETCH}. */
    public TopicTail(String name, String bootstrapServers, List<String> topics, Map<String, Object> consumerConfig,
                     Handler handler) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-tail");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putAll(consumerConfig);
        this.consumer = new KafkaConsumer<>(config);
        this.thread = new Thread(this::run, name + "-tail");
        this.thread.setDaemon(true);
        WorldReadiness.register(name, readiness); // the service is not ready until this tail has caught up
    }

    /**
     * Runs {@code action} once, on the tail's thread, when the end offsets seen at start have been reached: e.g. to
     * resume a hop's paused input, so that no hop is computed against a half-read world. Set it before {@link #start}.
     */
    public TopicTail onCaughtUp(Runnable action) {
        this.onCaughtUp = action;
        return this;
    }

    public TopicTail start() {
        thread.start();
        return this;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** For a hop that must not be computed against a half-read world: waits, or fails the record after 60 s. */
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

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> target = new HashMap<>(consumer.endOffsets(partitions));
            checkCaughtUp(target);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        handler.onRecord(r.topic(), r.key(), r.value());
                    } catch (RuntimeException e) {
                        // One bad world record must not stop the world from being read.
                        LOG.errorf("%s: skipped record %s-%d@%d: %s", name, r.topic(), r.partition(), r.offset(),
                                e.getMessage());
                    }
                }
                if (!isCaughtUp()) {
                    checkCaughtUp(target);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: world tail stopped", name);
        } finally {
            consumer.close(Duration.ofSeconds(1));
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
            long deadline = System.currentTimeMillis() + 30_000;
            while (infos.isEmpty() && System.currentTimeMillis() < deadline) {
                infos = consumer.partitionsFor(topic);
                if (infos == null) {
                    infos = List.of();
                }
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

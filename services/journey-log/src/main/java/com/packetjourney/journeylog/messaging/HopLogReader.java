package com.packetjourney.journeylog.messaging;

import com.packetjourney.journeylog.service.JourneyLogService;
import com.packetjourney.kafka.WorldReadiness;
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
import java.util.function.BooleanSupplier;

/**
 * Reads every partition of the hop topics into the journey log, each from where the service's restored snapshot
 * left off (from the beginning where there is none), then follows them. Partitions are assigned, not subscribed,
 * and nothing is committed: the offsets the fold covers travel with its snapshot, not with a consumer group.
 */
public final class HopLogReader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HopLogReader.class);

    private final List<String> topics;
    private final JourneyLogService service;
    private final KafkaConsumer<String, byte[]> consumer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicLong recordsRead = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private final String readinessName;
    private final BooleanSupplier readiness = this::isCaughtUp;

    public HopLogReader(String name, String bootstrapServers, List<String> topics, JourneyLogService service) {
        this.topics = List.copyOf(topics);
        this.service = service;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-hop-reader");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Not on any journey's path: fetching in batches (up to 100 ms late) instead of a fetch per record spares
        // the broker most of the requests this reader of every hop partition would otherwise make under load.
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        this.consumer = new KafkaConsumer<>(config);
        this.thread = new Thread(this::run, name + "-hop-reader");
        this.thread.setDaemon(true);
        this.readinessName = name + "-hop-reader";
        WorldReadiness.register(readinessName, readiness); // journey-log is ready once it has read the hop log
    }

    public HopLogReader start() {
        thread.start();
        return this;
    }

    /** Waits until the topics have been read up to their end offsets at start. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Records read since start: after a restart from a snapshot, only what the snapshot did not cover. */
    public long recordsRead() {
        return recordsRead.get();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            List<TopicPartition> fromStart = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                Optional<Long> next = service.nextOffset(tp.topic(), tp.partition());
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
                        service.onHopRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value());
                    } catch (RuntimeException e) {
                        // One record the fold cannot take must not stop every other journey from being read.
                        LOG.errorf(e, "skipped record %s-%d@%d", r.topic(), r.partition(), r.offset());
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
            LOG.error("hop reader stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void checkCaughtUp(Map<TopicPartition, Long> target) {
        target.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        if (target.isEmpty()) {
            caughtUp.countDown();
        }
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> result = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
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
        WorldReadiness.unregister(readinessName, readiness);
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

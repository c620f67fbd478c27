package com.packetjourney.journeylog.messaging;

import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.journeylog.domain.PartitionSnapshot;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots of the journey log's fold on a compacted topic, one record per hop partition number (key
 * "partition-N"): compaction keeps only the latest of each, so loading reads at most one record per partition
 * however long the service has run. Snapshots grow with the log, hence compression and a raised record size limit.
 */
public final class SnapshotTopic implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SnapshotTopic.class);
    /** Room for the journeys of one partition; compressed JSON of a six-hop journey is a few kilobytes. */
    static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;
    private static final String KEY_PREFIX = "partition-";

    private final String bootstrapServers;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    public SnapshotTopic(String bootstrapServers, String topic, String clientId) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-snapshots");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, (long) MAX_RECORD_BYTES * 2);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(config);
    }

    public String topic() {
        return topic;
    }

    /** Creates the topic if it is missing: compacted, one partition, large records allowed. */
    public SnapshotTopic ensureExists() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return this;
            }
            NewTopic t = new NewTopic(topic, 1, (short) 1).configs(Map.of(
                    "cleanup.policy", "compact",
                    "max.message.bytes", String.valueOf(MAX_RECORD_BYTES)));
            admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + topic + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The latest snapshot of every partition number, read up to the topic's end; unreadable ones are skipped. */
    public List<PartitionSnapshot> loadAll() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, byte[]> latest = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("snapshots on " + topic + " not read within 60 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && r.key().startsWith(KEY_PREFIX)) {
                        latest.put(r.key(), r.value());
                    }
                }
            }
        }
        List<PartitionSnapshot> snapshots = new ArrayList<>();
        latest.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            try {
                PartitionSnapshot read = Json.read(value, PartitionSnapshot.class);
                read.inCurrentFormat().ifPresentOrElse(snapshots::add, () -> LOG.warnf(
                        "ignored snapshot %s of format %d, which this version does not know: its partition is read "
                                + "from the hop topics instead", key, read.formatVersion()));
            } catch (UnreadableEventException e) {
                LOG.warnf("ignored unreadable snapshot %s: %s", key, e.getMessage());
            }
        });
        return snapshots;
    }

    /** Writes one partition's snapshot and waits until the broker has it. */
    public void write(PartitionSnapshot snapshot) {
        try {
            producer.send(new ProducerRecord<>(topic, KEY_PREFIX + snapshot.partition(), Json.writeBytes(snapshot)))
                    .get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not write the snapshot of partition " + snapshot.partition()
                    + " to " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

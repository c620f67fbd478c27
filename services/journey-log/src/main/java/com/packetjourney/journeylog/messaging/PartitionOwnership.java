package com.packetjourney.journeylog.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which hop partition numbers this instance owns, decided by a Kafka consumer group: every journey-log instance
 * joins the same group on one hop topic, and the group's assignment (rebalanced when instances come and go)
 * splits the partition numbers between them. The consumer only holds membership; its partitions stay paused and it
 * never reads or commits. The owner of a partition number is the one that writes its snapshot.
 */
public final class PartitionOwnership implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Set<Integer> owned = new TreeSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    public PartitionOwnership(String bootstrapServers, String groupId, String topic, String clientId) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-ownership",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        this.thread = new Thread(this::run, clientId + "-ownership");
        this.thread.setDaemon(true);
    }

    public PartitionOwnership start() {
        thread.start();
        return this;
    }

    /** The partition numbers this instance owns right now, in order (empty until the group has assigned them). */
    public synchronized Set<Integer> owned() {
        return Collections.unmodifiableSet(new TreeSet<>(owned));
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    change(partitions, false);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    consumer.pause(partitions);
                    change(partitions, true);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    change(partitions, false);
                }
            });
            while (running) {
                // Paused partitions return nothing; polling keeps the membership alive and runs rebalances.
                consumer.poll(Duration.ofMillis(200));
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("partition ownership stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
            synchronized (this) {
                owned.clear();
            }
        }
    }

    private synchronized void change(Collection<TopicPartition> partitions, boolean assigned) {
        for (TopicPartition tp : partitions) {
            if (assigned) {
                owned.add(tp.partition());
            } else {
                owned.remove(tp.partition());
            }
        }
        LOG.infof("owns hop partitions %s", owned);
    }

    /** Leaves the group, so the remaining instances take over this one's partitions at once. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

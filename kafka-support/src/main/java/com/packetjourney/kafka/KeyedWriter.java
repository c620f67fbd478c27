package com.packetjourney.kafka;

import com.packetjourney.contracts.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes keyed JSON records (or tombstones) to world topics; idempotent, acks=all, no linger. {@link #write} sends
 * without waiting (records keep their order), {@link #publish} returns once the broker has the record.
 */
public final class KeyedWriter implements WorldWriter, AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    public KeyedWriter(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(config);
    }

    /** Sends {@code value} as JSON under {@code key}; a null value writes a tombstone. */
    public Future<RecordMetadata> send(String topic, String key, Object value) {
        byte[] bytes = value == null ? null : Json.writeBytes(value);
        return producer.send(new ProducerRecord<>(topic, key, bytes));
    }

    @Override
    public void write(String topic, String key, Object value) {
        send(topic, key, value);
    }

    /** Sends and returns once the broker has the record: where it was written. */
    public RecordMetadata publish(String topic, String key, Object value) {
        try {
            return send(topic, key, value).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write " + key + " to " + topic, e.getCause());
        }
    }

    public void sendAndWait(String topic, String key, Object value) {
        publish(topic, key, value);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}

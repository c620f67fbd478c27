package com.packetjourney.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One stage of the pass-through chain, a process of its own as each service is: a plain KafkaConsumer (one stable
 * group, as a hop's) and KafkaProducer (linger.ms=0) that forward every record, key, value and headers, adding a
 * header with the stage's wall-clock microseconds. Prints READY once it has its partitions; ends when its standard
 * input closes, so it never outlives the benchmark.
 */
public final class ChainStage {
    static final String STAMP = "t";

    private ChainStage() {
    }

    /** Arguments: bootstrap servers, stage number, topic in, topic out. */
    public static void main(String[] args) {
        String bootstrap = args[0];
        String number = args[1];
        String in = args[2];
        String out = args[3];
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent on stdin: it only closes
                }
            } catch (java.io.IOException ignored) {
                // closed either way
            }
            System.exit(0);
        }, "stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-chain-stage-" + number,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
             KafkaProducer<String, byte[]> forward = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.LINGER_MS_CONFIG, 0,
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            consumer.subscribe(List.of(in));
            boolean ready = false;
            while (true) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    RecordHeaders headers = new RecordHeaders(r.headers().toArray());
                    headers.add(STAMP, micros(Util.wallMicrosNow()));
                    forward.send(new ProducerRecord<>(out, null, r.key(), r.value(), headers));
                }
                if (!ready && !consumer.assignment().isEmpty()) {
                    ready = true;
                    System.out.println("READY");
                    System.out.flush();
                }
            }
        }
    }

    static byte[] micros(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}

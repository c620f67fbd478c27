package com.packetjourney.bench;

import com.packetjourney.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Kafka's own limit for this shape of work on this machine: records of the hop events' size go through as many
 * consume-and-produce stages as the journey has services, over topics with the hop topics' partition count on the
 * same broker, each stage a plain KafkaConsumer and KafkaProducer (linger.ms=0) doing nothing but forwarding. Each
 * stage adds a header with its wall-clock microseconds, the equivalent of a hop event's wallTime.
 */
final class PassThroughChain implements Pipeline {
    static final int STAGES = 5;
    private static final String STAMP = "t";

    private final String bootstrap;
    private final byte[] value;
    private final KafkaProducer<String, byte[]> producer;
    private final List<Stage> stages = new ArrayList<>();
    private final Reader reader;
    private final List<String> topics;

    PassThroughChain(String bootstrap, int recordBytes) {
        this.bootstrap = bootstrap;
        this.value = new byte[recordBytes];
        Arrays.fill(value, (byte) 'x');
        String prefix = "bench.chain." + ProcessHandle.current().pid() + ".";
        this.topics = IntStream.rangeClosed(0, STAGES).mapToObj(i -> prefix + i).toList();
        createTopics(topics);
        producer = producer();
        for (int i = 1; i <= STAGES; i++) {
            Stage stage = new Stage(i, topics.get(i - 1), topics.get(i));
            stages.add(stage);
            stage.start();
        }
        reader = new Reader(topics.get(STAGES));
        reader.start();
    }

    @Override
    public String name() {
        return "pass-through chain";
    }

    @Override
    public List<String> hopNames() {
        List<String> names = new ArrayList<>(List.of("producer"));
        IntStream.rangeClosed(1, STAGES).forEach(i -> names.add("stage " + i));
        names.add("to the reader");
        return names;
    }

    @Override
    public void send(String journeyId, Run run) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(STAMP, micros(Util.wallMicrosNow()));
        producer.send(new ProducerRecord<>(topics.get(0), null, journeyId, value, headers), (m, e) -> {
            if (e != null) {
                run.failed(journeyId);
            }
        });
    }

    @Override
    public void measureInto(Run run) {
        reader.run = run;
    }

    @Override
    public void close() {
        reader.stopping = true;
        stages.forEach(s -> s.stopping = true);
        Util.join(reader);
        stages.forEach(Util::join);
        producer.close(Duration.ofSeconds(5));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the chain's topics only take space on a broker the benchmark stops anyway
        }
    }

    private void createTopics(List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, Topics.HOP_PARTITIONS, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the pass-through topics: " + e.getMessage(), e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName()));
    }

    private static byte[] micros(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    /** One forwarding stage: what it reads from {@code in} it writes to {@code out}, key, value and headers. */
    private final class Stage extends Thread {
        private final String in;
        private final String out;
        private final int number;
        volatile boolean stopping;

        Stage(int number, String in, String out) {
            super("bench-chain-stage-" + number);
            setDaemon(true);
            this.number = number;
            this.in = in;
            this.out = out;
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, byte[]> consumer = consumer("bench-chain-stage-" + number);
                 KafkaProducer<String, byte[]> forward = producer()) {
                consumer.subscribe(List.of(in));
                while (!stopping) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        RecordHeaders headers = new RecordHeaders(r.headers().toArray());
                        headers.add(STAMP, micros(Util.wallMicrosNow()));
                        forward.send(new ProducerRecord<>(out, null, r.key(), r.value(), headers));
                    }
                }
            }
        }
    }

    /** Reads the last topic: a record there is a journey through every stage. */
    private final class Reader extends Thread {
        private final KafkaConsumer<String, byte[]> consumer;
        volatile Run run;
        volatile boolean stopping;

        Reader(String topic) {
            super("bench-chain-reader");
            setDaemon(true);
            consumer = Util.readerAtEnd(bootstrap, List.of(topic));
        }

        @Override
        public void run() {
            try (consumer) {
                while (!stopping) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long arrival = System.nanoTime();
                        List<Long> stamps = new ArrayList<>();
                        for (Header h : r.headers().headers(STAMP)) {
                            stamps.add(Util.nanosOfWallMicros(ByteBuffer.wrap(h.value()).getLong()));
                        }
                        stamps.add(arrival);
                        Run current = run;
                        if (current != null) {
                            current.completed(r.key(), stamps.stream().mapToLong(Long::longValue).toArray());
                        }
                    }
                }
            }
        }
    }
}

package com.packetjourney.bench;

import com.packetjourney.cli.Stack;
import com.packetjourney.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * same broker, each stage a process of its own with the services' JVM options ({@link ChainStage}: a plain
 * KafkaConsumer and KafkaProducer, linger.ms=0, doing nothing but forwarding). Each stage adds a header with its
 * wall-clock microseconds, the equivalent of a hop event's wallTime.
 */
final class PassThroughChain implements Pipeline {
    static final int STAGES = 5;

    private final String bootstrap;
    private final byte[] value;
    private final KafkaProducer<String, byte[]> producer;
    private final List<Process> stages = new ArrayList<>();
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
            stages.add(startStage(i, topics.get(i - 1), topics.get(i)));
        }
        stages.forEach(PassThroughChain::awaitReady);
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
        headers.add(ChainStage.STAMP, ChainStage.micros(Util.wallMicrosNow()));
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
        Util.join(reader);
        stages.forEach(PassThroughChain::stop);
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

    /** The process ids of the stages, for the footprint table. */
    List<Long> stagePids() {
        return stages.stream().map(Process::pid).toList();
    }

    private Process startStage(int number, String in, String out) {
        List<String> command = new ArrayList<>(List.of(Stack.javaBinaryPath()));
        command.addAll(Stack.SERVICE_JVM_OPTIONS);
        command.addAll(Stack.extraServiceJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChainStage.class.getName(), bootstrap,
                String.valueOf(number), in, out));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            Stack.serviceEnvironment(pb);
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start chain stage " + number, e);
        }
    }

    private static void awaitReady(Process stage) {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(stage.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    return;
                }
            }
            throw new IllegalStateException("a chain stage exited before it was ready (code " + stage.waitFor() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop(Process stage) {
        try {
            stage.getOutputStream().close(); // the stage ends when its stdin closes
            if (!stage.waitFor(10, TimeUnit.SECONDS)) {
                stage.destroyForcibly();
            }
        } catch (IOException e) {
            stage.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stage.destroyForcibly();
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
                        for (Header h : r.headers().headers(ChainStage.STAMP)) {
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

package com.packetjourney.bench;

import com.packetjourney.cli.StackState;
import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopDefinition;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Journeys through the stack: POST /journeys at the laptop from a small HTTP client pool, ends read by plain
 * consumers of the hop topics (the pod hop ends a journey; a failed hop ends it early). The stamps are the hop
 * events' own wallTime fields: when each service computed its hop.
 */
final class StackPipeline implements Pipeline {
    static final String URL = "https://packet-journey.com/";
    private static final int HOPS = Topics.hopTopics().size();

    private final URI journeys;
    private final ExecutorService httpPool = Executors.newFixedThreadPool(4, daemon("bench-http"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(httpPool).build();
    private final Reader reader;
    private volatile long recordBytes;
    private volatile long records;

    StackPipeline(StackState stack) {
        this.journeys = URI.create(stack.urlOf("laptop") + "/journeys");
        this.reader = new Reader(stack.bootstrapServers());
        reader.start();
    }

    @Override
    public String name() {
        return "stack";
    }

    @Override
    public List<String> hopNames() {
        List<String> names = new ArrayList<>();
        for (HopDefinition hop : HopChain.STANDARD.hops()) {
            names.add(names.isEmpty() ? hop.service() + " (POST /journeys)" : hop.service());
        }
        names.add("to the reader");
        return names;
    }

    @Override
    public void send(String journeyId, Run run) {
        String body = Json.write(Map.of("url", URL, "journeyId", journeyId));
        HttpRequest request = HttpRequest.newBuilder(journeys).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e != null || r.statusCode() / 100 != 2) {
                run.failed(journeyId);
            }
        });
    }

    @Override
    public void measureInto(Run run) {
        reader.run = run;
    }

    /** The mean size of the hop records read so far: the pass-through chain forwards records of this size. */
    int meanRecordBytes() {
        return records == 0 ? 1000 : (int) (recordBytes / records);
    }

    /**
     * Mean wall time each hop's service spent computing an event (its pj_hop_processing_seconds sum over count),
     * by hop name, from every service's /q/metrics: the part of a hop interval that is the service's own work.
     */
    Map<String, Double> meanProcessingMillis(StackState stack) {
        Map<String, Double> result = new java.util.LinkedHashMap<>();
        for (StackState.ServiceEntry service : stack.services()) {
            String metrics;
            try {
                metrics = http.send(HttpRequest.newBuilder(URI.create(stack.urlOf(service.name()) + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                continue; // a figure missing from the report says enough
            }
            Map<String, double[]> sumAndCount = new HashMap<>();
            for (String line : metrics.split("\n")) {
                boolean sum = line.startsWith("pj_hop_processing_seconds_sum{");
                if (sum || line.startsWith("pj_hop_processing_seconds_count{")) {
                    String hop = line.replaceAll(".*hop=\"([^\"]*)\".*", "$1");
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    sumAndCount.computeIfAbsent(hop, h -> new double[2])[sum ? 0 : 1] += value;
                }
            }
            sumAndCount.forEach((hop, v) -> {
                if (v[1] > 0) {
                    result.put(hop + " (" + service.name() + ")", 1000 * v[0] / v[1]);
                }
            });
        }
        return result;
    }

    @Override
    public void close() {
        reader.close();
        httpPool.shutdownNow();
    }

    /**
     * Reads the hop topics: the pod hop's on a consumer of its own that fetches each record as soon as it is
     * written (it ends a journey, as the chain's reader ends one of its), the five others on one that fetches in
     * batches (their records give only the per-hop stamps, which may come a little later). So the instrument asks of
     * the broker on a journey's path what the chain's reader does, not a fetch per hop record.
     */
    private final class Reader implements AutoCloseable {
        /** Hop stamps (nanoTime) of journeys not fully stamped yet, by journey id; 0 where a hop has not been read. */
        private final Map<String, long[]> stamps = new HashMap<>();
        private final Thread ends;
        private final Thread hops;
        volatile Run run;
        volatile boolean stopping;

        Reader(String bootstrap) {
            List<String> before = Topics.hopTopics().subList(0, HOPS - 1);
            KafkaConsumer<String, byte[]> endConsumer = Util.readerAtEnd(bootstrap, List.of(Topics.POD), Map.of());
            KafkaConsumer<String, byte[]> hopConsumer = Util.readerAtEnd(bootstrap, before, Map.of(
                    ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100));
            ends = new Thread(() -> read(endConsumer), "bench-stack-end-reader");
            hops = new Thread(() -> read(hopConsumer), "bench-stack-hop-reader");
            ends.setDaemon(true);
            hops.setDaemon(true);
        }

        void start() {
            ends.start();
            hops.start();
        }

        private void read(KafkaConsumer<String, byte[]> consumer) {
            try (consumer) {
                while (!stopping) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long arrival = System.nanoTime();
                        onEvent(EventHead.of(r.value()), arrival, r.value().length);
                    }
                }
            }
        }

        private synchronized void onEvent(EventHead event, long arrival, int bytes) {
            recordBytes += bytes;
            records++;
            Run current = run;
            String id = event.journeyId();
            // stamps are kept by place in the journey; events carry their hop's fixed number
            int hop = HopChain.STANDARD.position(event.hop());
            if (current == null || id == null || hop < 0) {
                return;
            }
            if (!"OK".equals(event.status())) {
                stamps.remove(id);
                current.failed(id);
                return;
            }
            long[] s = stamps.computeIfAbsent(id, k -> new long[HOPS + 1]);
            s[hop] = Util.nanosOf(Instant.parse(event.wallTime()));
            if (hop == HOPS - 1) {
                s[HOPS] = arrival;
                current.ended(id, arrival);
            }
            for (long stamp : s) {
                if (stamp == 0) {
                    return;
                }
            }
            stamps.remove(id);
            current.stamped(id, s);
        }

        @Override
        public void close() {
            stopping = true;
            Util.join(ends);
            Util.join(hops);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

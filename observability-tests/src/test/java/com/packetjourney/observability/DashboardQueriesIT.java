package com.packetjourney.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.cli.Prometheus;
import com.packetjourney.cli.ScenarioLoader;
import com.packetjourney.cli.Stack;
import com.packetjourney.cli.StackClient;
import com.packetjourney.cli.StackState;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.testsupport.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every query of every shipped dashboard panel, asked of a real Prometheus (the system package) that scrapes the
 * packaged services with the project's own scrape configuration, after journeys that completed and one that
 * failed: a panel whose metric no service exposes, or whose labels no series has, fails here.
 */
class DashboardQueriesIT {
    static final Path HOME = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
    static final String URL = "https://packet-journey.com/";
    static final String UNKNOWN_HOST_URL = "https://no-such-host.packet-journey.com/";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static Stack stack;
    static StackState state;
    static Prometheus prometheus;

    @BeforeAll
    static void startStackAndPrometheus() {
        assumeTrue(Prometheus.installed(), Prometheus.BINARY + " is missing: apt-get install prometheus");
        Scenario scenario = ScenarioLoader.read(HOME.resolve("scenarios/eks-nginx.yaml"));
        String loadBalancer = scenario.loadBalancers().get(0).name();
        Path work = Path.of("target/observability-stack").toAbsolutePath();
        stack = new Stack(HOME, work, System.out::println);
        int portBase = freePortBase();
        state = stack.up(scenario, "scenarios/eks-nginx.yaml", portBase, 0, SharedKafka.bootstrapServers(),
                Duration.ofSeconds(240));
        StackClient client = new StackClient(state);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (client.healthyTargets(loadBalancer) < ScenarioLoader.expectedReplicas(scenario)
                && System.nanoTime() < deadline) {
            sleep(200);
        }
        prometheus = Prometheus.start(HOME, work.resolve("prometheus"), work.resolve("logs/prometheus.log"), portBase,
                freePort(portBase + 50), Duration.ofSeconds(1));
        System.out.println("prometheus ready on " + prometheus.url());

        List<String> completed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            completed.add(client.send(URL, null, null, "obs-" + UUID.randomUUID()));
        }
        String failed = client.send(UNKNOWN_HOST_URL, null, null, "obs-" + UUID.randomUUID());
        for (String id : completed) {
            assertThat(client.awaitEnd(id, Duration.ofSeconds(60)).orElseThrow().status()).isEqualTo(JourneyStatus.COMPLETED);
        }
        assertThat(client.awaitEnd(failed, Duration.ofSeconds(60)).orElseThrow().status()).isEqualTo(JourneyStatus.FAILED);
        awaitSeries("sum(pj_journeys_finished_total) >= 4", Duration.ofSeconds(60));
        // Each target is scraped at its own offset within the interval, so journey-log's count can be in before the
        // scrape of a hop service that already handled them: wait until every hop has been scraped too.
        awaitSeries("count(count by (hop) (pj_hop_events_total)) >= " + HopType.values().length, Duration.ofSeconds(60));
        awaitSeries("pj_hop_events_total{service=\"dns-resolver\", code=\"DNS_NXDOMAIN\"}", Duration.ofSeconds(60));
        awaitSeries("pj_hop_events_total{hop=\"packet.routed\", outcome=\"skipped\"}", Duration.ofSeconds(60));
        // Micrometer binds a Kafka consumer's per-partition metrics (the lag) when it next refreshes them, up to 60 s
        // after the consumer was made: before that no service has a lag series to scrape
        awaitSeries("kafka_consumer_fetch_manager_records_lag", Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void everyQueryOfEveryDashboardPanelReturnsASeries() {
        List<Dashboards.Query> queries = new ArrayList<>();
        Dashboards.load(HOME).forEach(d -> queries.addAll(Dashboards.queries(d)));
        // A rate needs two scrapes after a counter first moved, so an empty answer is asked again for a while.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Dashboards.Query> empty = new ArrayList<>(queries);
        while (!empty.isEmpty() && System.nanoTime() < deadline) {
            empty.removeIf(q -> !query(q.expr()).isEmpty());
            if (!empty.isEmpty()) {
                sleep(1000);
            }
        }
        assertThat(queries).hasSizeGreaterThan(40);
        assertThat(empty).as("queries that return no series").isEmpty();
    }

    @Test
    void everyHopIsMeasuredWithTheSharedLabels() {
        JsonNode series = query("pj_hop_events_total");

        List<String> hops = new ArrayList<>();
        series.forEach(s -> hops.add(s.path("metric").path("hop").asText()));
        assertThat(hops).containsAll(Arrays.stream(HopType.values()).map(HopType::wireName).toList());
        series.forEach(s -> {
            JsonNode labels = s.path("metric");
            assertThat(labels.path("service").asText()).as(labels.toString())
                    .isEqualTo(HopType.fromWireName(labels.path("hop").asText()).service());
            assertThat(labels.path("outcome").asText()).as(labels.toString()).isNotBlank();
            assertThat(labels.path("code").asText()).as(labels.toString()).isNotBlank();
        });
    }

    @Test
    void theUnknownHostIsCountedAsAJourneyFailedAtDnsWithNxdomain() {
        assertThat(query("pj_journeys_finished_total{outcome=\"failed\", hop=\"dns.resolved\", code=\"DNS_NXDOMAIN\"}"))
                .singleElement().satisfies(s -> assertThat(s.path("value").get(1).asDouble()).isGreaterThanOrEqualTo(1));
        assertThat(query("pj_hop_events_total{service=\"dns-resolver\", outcome=\"failed\", code=\"DNS_NXDOMAIN\"}"))
                .singleElement().satisfies(s -> assertThat(s.path("value").get(1).asDouble()).isGreaterThanOrEqualTo(1));
        assertThat(query("pj_hop_events_total{hop=\"packet.routed\", outcome=\"skipped\"}")).isNotEmpty();
    }

    /** Kafka 4.1 clients report each topic's metrics twice (pj.hop.dns and pj_hop_dns); only the first is kept. */
    @Test
    void consumerLagIsOneSeriesPerPartitionUnderTheTopicsOwnName() {
        assertThat(query("kafka_consumer_fetch_manager_records_lag{topic=~\"pj[.].+\"}")).isNotEmpty();
        assertThat(query("kafka_consumer_fetch_manager_records_lag{topic=~\"pj_.+\"}")).isEmpty();
    }

    /** Lifetime values are counters, so that dashboards can take their increase over any window. */
    @Test
    void dnsLookupsCacheHitsAndUnreadableRecordsAreCounters() {
        JsonNode metadata = get("/api/v1/metadata").path("data");
        for (String family : List.of("pj_dns_lookups", "pj_dns_cache_hits", "pj_journeylog_unreadable_records")) {
            JsonNode entry = metadata.has(family) ? metadata.path(family) : metadata.path(family + "_total");
            assertThat(entry.path(0).path("type").asText()).as(family)
                    .isEqualTo("counter");
        }
        assertThat(query("sum(pj_dns_lookups_total)")).singleElement()
                .satisfies(s -> assertThat(s.path("value").get(1).asDouble()).isGreaterThanOrEqualTo(3));
        assertThat(query("pj_dns_cache_hit_ratio")).as("the lifetime ratio gauge is gone").isEmpty();
    }

    /** The instant query's result: one element per series. */
    static JsonNode query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data")
                .path("result");
    }

    /** An API answer of Prometheus, checked to be a success. */
    static JsonNode get(String pathAndQuery) {
        URI uri = URI.create(prometheus.url() + pathAndQuery);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.read(r.body(), JsonNode.class);
            assertThat(body.path("status").asText()).as(pathAndQuery + ": " + r.body()).isEqualTo("success");
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitSeries(String promql, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (query(promql).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus has no series for " + promql + " after " + timeout);
            }
            sleep(500);
        }
    }

    private static int freePortBase() {
        for (int base = 23000 + (int) (ProcessHandle.current().pid() % 50) * 20; base < 40000; base += 20) {
            boolean free = true;
            for (int i = 1; i <= Stack.SERVICES.size() && free; i++) {
                free = Stack.portFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range");
    }

    private static int freePort(int from) {
        for (int port = from; port < from + 100; port++) {
            if (Stack.portFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port from " + from);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

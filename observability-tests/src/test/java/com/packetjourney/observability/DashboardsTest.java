package com.packetjourney.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.packetjourney.cli.Stack;
import com.packetjourney.contracts.HopType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboards, the Grafana provisioning and the compose stack's Prometheus fit together (no stack needed). */
class DashboardsTest {
    static final Path HOME = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
    static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "bargauge", "table");
    static final YAMLMapper YAML = new YAMLMapper();

    final List<Dashboards.Dashboard> dashboards = Dashboards.load(HOME);

    @Test
    void theJourneyHopsLanDnsInternetAwsAndServicesDashboardsAreShipped() {
        assertThat(dashboards).extracting(Dashboards.Dashboard::file)
                .containsExactlyInAnyOrder("journeys.json", "hops.json", "lan-dns.json", "internet.json", "aws.json",
                        "services.json");
        assertThat(dashboards).extracting(d -> d.json().path("uid").asText()).doesNotHaveDuplicates();
        assertThat(dashboards).allSatisfy(d -> {
            assertThat(d.json().path("schemaVersion").asInt()).as(d.file()).isGreaterThanOrEqualTo(39);
            assertThat(d.title()).as(d.file()).isNotBlank();
            assertThat(d.json().path("description").asText()).as(d.file()).isNotBlank();
        });
    }

    @Test
    void everyPanelIsTitledDescribedAndQueriesTheProvisionedPrometheus() throws Exception {
        String datasource = YAML.readTree(HOME.resolve("observability/grafana/provisioning/datasources/prometheus.yml")
                .toFile()).at("/datasources/0/uid").asText();
        for (Dashboards.Dashboard d : dashboards) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : Dashboards.panels(d)) {
                String where = d.file() + " panel " + panel.path("id").asInt() + " " + panel.path("title").asText();
                assertThat(ids.add(panel.path("id").asInt())).as(where + ": unique id").isTrue();
                assertThat(panel.path("title").asText()).as(where).isNotBlank();
                assertThat(panel.has("gridPos")).as(where + ": gridPos").isTrue();
                if ("row".equals(panel.path("type").asText())) {
                    continue;
                }
                assertThat(panel.path("type").asText()).as(where).isIn(PANEL_TYPES);
                assertThat(panel.path("description").asText()).as(where + ": description").isNotBlank();
                assertThat(panel.path("datasource").path("uid").asText()).as(where).isEqualTo(datasource);
                assertThat(panel.path("targets")).as(where + ": targets").isNotEmpty();
                panel.path("targets").forEach(t -> {
                    assertThat(t.path("expr").asText()).as(where + " " + t.path("refId").asText()).isNotBlank();
                    assertThat(t.path("datasource").path("uid").asText()).as(where).isEqualTo(datasource);
                });
            }
        }
    }

    @Test
    void everyVariableIsReplacedInEveryQuery() {
        List<Dashboards.Query> queries = new ArrayList<>();
        dashboards.forEach(d -> queries.addAll(Dashboards.queries(d)));

        assertThat(queries).hasSizeGreaterThan(40);
        assertThat(queries).allSatisfy(q -> assertThat(q.expr()).as(q.toString()).doesNotContain("$"));
    }

    @Test
    void countPanelsShowWholeNumbers() {
        for (Dashboards.Dashboard d : dashboards) {
            for (JsonNode panel : Dashboards.panels(d)) {
                JsonNode defaults = panel.path("fieldConfig").path("defaults");
                if ("short".equals(defaults.path("unit").asText())) {
                    assertThat(defaults.path("decimals").isInt() && defaults.path("decimals").asInt() == 0)
                            .as(d.file() + " panel " + panel.path("title").asText() + ": a count, shown with 0 decimals")
                            .isTrue();
                }
            }
        }
    }

    /** A counter's value is a lifetime total: a panel windows it with rate() or increase(), never shows it raw. */
    @Test
    void everyCounterIsWindowedByRateOrIncrease() {
        Pattern counter = Pattern.compile("\\b[a-z_]+_total\\b");
        List<Dashboards.Query> queries = new ArrayList<>();
        dashboards.forEach(d -> queries.addAll(Dashboards.queries(d)));
        for (Dashboards.Query q : queries) {
            Matcher m = counter.matcher(q.expr());
            while (m.find()) {
                String before = q.expr().substring(0, m.start());
                assertThat(before.endsWith("rate(") || before.endsWith("increase("))
                        .as(q + ": " + m.group() + " outside rate() or increase()").isTrue();
            }
        }
    }

    @Test
    void theServicesDashboardShowsConsumerLagAndTheJvms() {
        Dashboards.Dashboard services = dashboards.stream().filter(d -> d.file().equals("services.json")).findFirst()
                .orElseThrow();
        List<String> exprs = Dashboards.queries(services).stream().map(Dashboards.Query::expr).toList();

        assertThat(exprs).anyMatch(e -> e.contains("kafka_consumer_fetch_manager_records_lag"))
                .anyMatch(e -> e.contains("jvm_memory_used_bytes"))
                .anyMatch(e -> e.contains("jvm_gc_pause_seconds"));
    }

    @Test
    void theHopsDashboardHasOneRowPerHopInJourneyOrder() {
        Dashboards.Dashboard hops = dashboards.stream().filter(d -> d.file().equals("hops.json")).findFirst().orElseThrow();

        assertThat(Dashboards.variables(hops).get("hop"))
                .containsExactlyElementsOf(Arrays.stream(HopType.values()).map(HopType::wireName).toList());
        assertThat(Dashboards.panels(hops)).filteredOn(p -> "row".equals(p.path("type").asText()))
                .singleElement().satisfies(row -> assertThat(row.path("repeat").asText()).isEqualTo("hop"));
    }

    @Test
    void grafanaInComposeLoadsTheseDashboardsFromThePathTheProviderNames() throws Exception {
        JsonNode compose = YAML.readTree(HOME.resolve("docker-compose.yml").toFile());
        String providerPath = YAML.readTree(HOME.resolve("observability/grafana/provisioning/dashboards/packet-journey.yml")
                .toFile()).at("/providers/0/options/path").asText();
        List<String> grafanaVolumes = new ArrayList<>();
        compose.at("/services/grafana/volumes").forEach(v -> grafanaVolumes.add(v.asText()));

        assertThat(grafanaVolumes).contains("./" + Dashboards.DIRECTORY + ":" + providerPath + ":ro",
                "./observability/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(YAML.readTree(HOME.resolve("observability/grafana/provisioning/datasources/prometheus.yml").toFile())
                .at("/datasources/0/url").asText()).isEqualTo("http://prometheus:9090");
    }

    @Test
    void prometheusInComposeScrapesEveryComposeServiceOnItsPort() throws Exception {
        JsonNode compose = YAML.readTree(HOME.resolve("docker-compose.yml").toFile());
        JsonNode config = YAML.readTree(HOME.resolve("observability/prometheus-compose.yml").toFile());
        List<String> targets = new ArrayList<>();
        config.at("/scrape_configs/0/static_configs").forEach(g -> g.get("targets").forEach(t -> targets.add(t.asText())));

        List<String> expected = new ArrayList<>();
        for (String service : Stack.SERVICES) {
            String port = compose.at("/services/" + service + "/environment/QUARKUS_HTTP_PORT").asText();
            assertThat(port).as(service + " in docker-compose.yml").isNotBlank();
            expected.add(service + ":" + port);
        }
        assertThat(targets).containsExactlyElementsOf(expected);
        assertThat(config.at("/scrape_configs/0/metrics_path").asText()).isEqualTo("/q/metrics");
        assertThat(compose.at("/services/prometheus/volumes/0").asText())
                .isEqualTo("./observability/prometheus-compose.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat(Files.readString(HOME.resolve("observability/prometheus.yml")))
                .as("the local and compose configurations differ only in their hosts")
                .isEqualTo(Files.readString(HOME.resolve("observability/prometheus-compose.yml"))
                        .replaceAll("\"[a-z0-9-]+:(\\d+)\"", "\"localhost:$1\"")
                        .replace(composeHeader(), localHeader()));
    }

    private static String composeHeader() throws Exception {
        return header(HOME.resolve("observability/prometheus-compose.yml"));
    }

    private static String localHeader() throws Exception {
        return header(HOME.resolve("observability/prometheus.yml"));
    }

    /** The leading comment lines, which say where each file is used. */
    private static String header(Path file) throws Exception {
        StringBuilder header = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        return header.toString();
    }
}

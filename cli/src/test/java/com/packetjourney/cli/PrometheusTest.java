package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTest {
    static final Path SHIPPED = Path.of("..").resolve(Prometheus.SHIPPED_CONFIG);

    @Test
    void theShippedConfigurationScrapesEveryServiceOnItsDefaultPort() throws Exception {
        JsonNode config = new YAMLMapper().readTree(Files.readString(SHIPPED));

        assertThat(targets(config)).containsExactly("localhost:18081", "localhost:18082", "localhost:18083",
                "localhost:18084", "localhost:18085", "localhost:18086", "localhost:18087", "localhost:18088",
                "localhost:18089");
        assertThat(config.at("/scrape_configs/0/static_configs").findValuesAsText("service"))
                .containsExactlyElementsOf(Stack.SERVICES);
    }

    @Test
    void adaptingMovesEveryTargetToTheStacksPortsAndKeepsTheRest() throws Exception {
        JsonNode adapted = new YAMLMapper().readTree(
                Prometheus.adapt(Files.readString(SHIPPED), 21000, Duration.ofSeconds(1)));

        assertThat(targets(adapted)).containsExactly("localhost:21001", "localhost:21002", "localhost:21003",
                "localhost:21004", "localhost:21005", "localhost:21006", "localhost:21007", "localhost:21008",
                "localhost:21009");
        assertThat(adapted.at("/global/scrape_interval").asText()).isEqualTo("1000ms");
        assertThat(adapted.at("/scrape_configs/0/metrics_path").asText()).isEqualTo("/q/metrics");
        assertThat(adapted.at("/scrape_configs/0/honor_labels").asBoolean()).isTrue();
        assertThat(adapted.at("/scrape_configs/0/static_configs/8/labels/service").asText()).isEqualTo("journey-log");
    }

    private static List<String> targets(JsonNode config) {
        List<String> targets = new ArrayList<>();
        config.at("/scrape_configs/0/static_configs").forEach(g -> g.get("targets").forEach(t -> targets.add(t.asText())));
        return targets;
    }
}

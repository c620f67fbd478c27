package com.packetjourney.observability;

import com.packetjourney.cli.Stack;
import com.packetjourney.cli.StackState;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * docker-compose.yml as the compose stack starts it: every long-running service says when it is ready, nothing
 * starts before what it depends on is ready (or, for the one-shot world loader, done), images are pinned, host
 * ports can be moved, and compose.stack.json points the CLI at it. Read with SnakeYAML, which resolves the file's
 * merge keys (&lt;&lt;: *service) as compose does.
 */
class ComposeStackTest {
    static final Path HOME = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
    static final Set<String> CONDITIONS = Set.of("service_healthy", "service_completed_successfully");
    /** A release: at least major.minor (v3.5.0, 4.1.1, 17.0.16_8-jre-noble), never latest or a bare major. */
    static final Pattern PINNED = Pattern.compile("[^:]+:v?\\d+\\.\\d+[^:]*");

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(HOME.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> dependencies(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn == null) {
            return Map.of();
        }
        assertThat(dependsOn).as("depends_on with a condition per dependency, not a list").isInstanceOf(Map.class);
        return (Map<String, Map<String, Object>>) dependsOn;
    }

    @Test
    void everyDependencyHasAConditionTheDependencyCanMeet() throws IOException {
        Map<String, Map<String, Object>> services = services();
        services.forEach((name, service) -> dependencies(service).forEach((dependency, how) -> {
            String condition = String.valueOf(how.get("condition"));
            assertThat(condition).as(name + " -> " + dependency).isIn(CONDITIONS);
            if (condition.equals("service_healthy")) {
                assertThat(services.get(dependency)).as(dependency + ", which " + name + " waits to be healthy")
                        .containsKey("healthcheck");
            }
        }));
        for (String waits : List.of("prometheus", "grafana", "traffic")) {
            assertThat(dependencies(services.get(waits)).values()).as(waits).isNotEmpty()
                    .allSatisfy(how -> assertThat(how).containsEntry("condition", "service_healthy"));
        }
        assertThat(dependencies(services.get("prometheus")).keySet()).containsAll(Stack.SERVICES);
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckAndEveryApplicationAsksItsReadiness() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Set<String> oneShot = new HashSet<>();
        services.values().forEach(s -> dependencies(s).forEach((dependency, how) -> {
            if ("service_completed_successfully".equals(how.get("condition"))) {
                oneShot.add(dependency);
            }
        }));
        assertThat(oneShot).containsExactly("world-loader");
        services.forEach((name, service) -> {
            if (!oneShot.contains(name)) {
                assertThat(service).as(name).containsKey("healthcheck");
                assertThat(String.valueOf(((Map<?, ?>) service.get("healthcheck")).get("test"))).as(name).isNotBlank();
            }
        });
        for (String app : Stack.SERVICES) {
            assertThat(String.valueOf(((Map<?, ?>) services.get(app).get("healthcheck")).get("test"))).as(app)
                    .contains("/q/health/ready").contains("$$QUARKUS_HTTP_PORT");
        }
    }

    @Test
    void imagesArePinnedAndHostPortsMoveWithEnvironmentVariables() throws IOException {
        services().forEach((name, service) -> {
            assertThat(String.valueOf(service.get("image"))).as(name + " image").matches(PINNED);
            Object ports = service.get("ports");
            if (ports != null) {
                ((List<?>) ports).forEach(p -> assertThat(String.valueOf(p)).as(name + " port")
                        .matches("\\$\\{PJ_[A-Z0-9_]+_PORT:-\\d+}:\\d+"));
            }
        });
    }

    @Test
    void theComposeStackFileNamesTheDefaultPortsOfEveryService() throws IOException {
        StackState stack = StackState.read(HOME.resolve("compose.stack.json")).orElseThrow();
        Map<String, Map<String, Object>> services = services();

        assertThat(stack.bootstrapServers()).isEqualTo("localhost:19092");
        assertThat(String.valueOf(services.get("kafka").get("ports"))).contains("PJ_KAFKA_PORT:-19092}");
        for (String app : Stack.SERVICES) {
            String published = String.valueOf(((List<?>) services.get(app).get("ports")).get(0));
            // the variable the CLI reads for this service's port when no stack file is given
            assertThat(published).startsWith("${PJ_" + app.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT:-");
            String hostPort = published.substring(published.indexOf(":-") + 2, published.indexOf('}'));
            assertThat(stack.urlOf(app)).as(app).isEqualTo("http://localhost:" + hostPort);
        }
    }

    @Test
    void dockerComposeStillValidatesTheFile() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/docker-compose"))).as("docker-compose installed").isTrue();
        Process p = new ProcessBuilder("docker-compose", "config", "-q").directory(HOME.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}

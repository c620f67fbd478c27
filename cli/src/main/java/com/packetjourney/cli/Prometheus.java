package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.packetjourney.contracts.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Prometheus server from the system package ({@code /usr/bin/prometheus}) scraping a local stack with the project's
 * own scrape configuration ({@code observability/prometheus.yml}), its targets moved to the stack's ports. It
 * listens on the loopback interface only; {@link #close} stops it.
 */
public final class Prometheus implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/prometheus");
    public static final String SHIPPED_CONFIG = "observability/prometheus.yml";
    /** The port base the shipped configuration's targets assume (the services on 18081-18089). */
    static final int SHIPPED_PORT_BASE = 18080;
    private static final YAMLMapper YAML = new YAMLMapper();

    /** What {@code down} needs to find a Prometheus that {@code up} started. */
    public record Recorded(long pid, int port) {
    }

    private final Process process;
    private final int port;

    private Prometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * The shipped configuration for a stack on {@code portBase}: every target's port moved by the difference to the
     * shipped port base, and every job scraped each {@code scrapeInterval}.
     */
    public static String adapt(String shippedYaml, int portBase, Duration scrapeInterval) {
        try {
            ObjectNode config = (ObjectNode) YAML.readTree(shippedYaml);
            String interval = scrapeInterval.toMillis() + "ms";
            ObjectNode global = config.get("global") instanceof ObjectNode g ? g : config.putObject("global");
            global.put("scrape_interval", interval).put("evaluation_interval", interval);
            for (JsonNode job : config.path("scrape_configs")) {
                for (JsonNode group : job.path("static_configs")) {
                    ArrayNode targets = (ArrayNode) group.path("targets");
                    for (int i = 0; i < targets.size(); i++) {
                        targets.set(i, targets.textNode(movePort(targets.get(i).asText(), portBase)));
                    }
                }
            }
            return YAML.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable Prometheus configuration: " + e.getMessage(), e);
        }
    }

    private static String movePort(String target, int portBase) {
        int colon = target.lastIndexOf(':');
        int port = Integer.parseInt(target.substring(colon + 1));
        return target.substring(0, colon) + ":" + (port - SHIPPED_PORT_BASE + portBase);
    }

    /**
     * Starts Prometheus on {@code port} with the shipped configuration adapted to {@code portBase}; its configuration
     * and data go to {@code dir}, its output to {@code logFile}. Returns once it reports ready.
     */
    public static Prometheus start(Path home, Path dir, Path logFile, int portBase, int port, Duration scrapeInterval) {
        try {
            Path data = dir.resolve("data");
            Stack.deleteRecursively(data);
            Files.createDirectories(data);
            Files.createDirectories(logFile.getParent());
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, adapt(Files.readString(home.resolve(SHIPPED_CONFIG)), portBase, scrapeInterval));
            if (!Stack.portFree(port)) {
                throw new IllegalStateException("port " + port + " is taken, so Prometheus cannot listen there");
            }
            Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=1d",
                    "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            Prometheus prometheus = new Prometheus(process, port);
            prometheus.awaitReady(logFile);
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code up --observability}: starts Prometheus for the stack {@code up} started, scraping as often as the shipped
     * configuration says, and records it for {@code down}. Without the system package it only says so.
     */
    public static void startForStack(Path home, Path stateDir, int portBase, int port, Consumer<String> log) {
        if (!installed()) {
            log.accept("prometheus not started: " + BINARY + " is missing (apt-get install prometheus), "
                    + "or run the compose stack (docker compose up)");
            return;
        }
        Duration interval = Duration.ofSeconds(5);
        Prometheus prometheus = start(home, stateDir.resolve("prometheus"), stateDir.resolve("logs/prometheus.log"),
                portBase, port, interval);
        write(stateDir.resolve("prometheus.json"), new Recorded(prometheus.pid(), port));
        log.accept("prometheus ready on " + prometheus.url() + " (pid " + prometheus.pid() + "), scraping the "
                + Stack.SERVICES.size() + " services every " + interval.toSeconds() + " s; data in "
                + home.relativize(stateDir.resolve("prometheus").toAbsolutePath()));
    }

    /** Stops a Prometheus recorded by {@link #startForStack}; false if none was. */
    public static boolean stopRecorded(Path stateFile) {
        Optional<Recorded> recorded = read(stateFile);
        recorded.flatMap(r -> ProcessHandle.of(r.pid())).ifPresent(p -> Stack.terminateAll(List.of(p)));
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException ignored) {
            // a stale file only means the next 'down' has nothing to do
        }
        return recorded.isPresent();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        Stack.terminateAll(List.of(process.toHandle()));
    }

    private void awaitReady(Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(url() + "/-/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("Prometheus did not become ready on port " + port + "; see " + logFile);
    }

    private static void write(Path file, Recorded recorded) {
        try {
            Files.writeString(file, Json.write(recorded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Recorded> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Json.read(Files.readString(file), Recorded.class)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

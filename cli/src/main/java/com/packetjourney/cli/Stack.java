package com.packetjourney.cli;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.kafka.TopicAdmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts and stops the whole local stack as separate processes: the embedded Kafka broker, then every service
 * from its packaged Quarkus jar. Nothing it starts outlives {@link #stop}; a service that does not become ready
 * is reported with the end of its log.
 */
public final class Stack {
    /** Service name to its offset from the port base (laptop = base + 1, ..., journey-log = base + 9). */
    public static final List<String> SERVICES = Topics.SERVICES;
    /**
     * Every service JVM's options; PJ_SERVICE_JAVA_OPTS adds to them (later options win), e.g. to profile one run.
     * C1 only: nine JVMs on two cores never finish their C2 compilations under load and run profiled tier-3 code
     * meanwhile; the benchmark measured 64 journeys/s with full tiered compilation against 171 with C1 only.
     * A young generation of 16 MB: every page of it is touched between collections, and with the default
     * (a third of the heap) each service was 20 MB larger in memory for nothing measurable. An initial heap of
     * 32 MB: on a machine with much memory the default initial heap is the whole -Xmx, and the old generation
     * then fills up to it with dead objects before its first collection (journey-log: 240 MB resident).
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xmx128m", "-Xmn16m",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path home;
    private final Path stateDir;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();
    private Process broker;
    private Waiting waiting = (what, elapsed) -> { };

    /** Told, again and again while {@link #up} waits, what it is waiting for and for how long so far. */
    @FunctionalInterface
    public interface Waiting {
        void waiting(String what, Duration elapsed);
    }

    public Stack(Path home, Path stateDir, Consumer<String> log) {
        this.home = home;
        this.stateDir = stateDir;
        this.log = log;
    }

    /** Shows what {@link #up} is waiting for, e.g. on a status line. */
    public Stack showWaiting(Waiting waiting) {
        this.waiting = waiting;
        return this;
    }

    public Path stateFile() {
        return stateDir.resolve("stack.json");
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }

    /**
     * Starts a broker (unless {@code bootstrapServers} names a running one), creates the topics, loads the
     * scenario and starts every service; returns once all report ready.
     */
    public StackState up(Scenario scenario, String scenarioName, int portBase, int brokerPort, String bootstrapServers,
                         Duration readyTimeout) {
        try {
            Files.createDirectories(logDir());
            long brokerPid = -1;
            String bootstrap = bootstrapServers;
            long t0 = System.nanoTime();
            if (bootstrap == null) {
                Path data = stateDir.resolve("kafka");
                deleteRecursively(data);
                brokerPid = startBroker(brokerPort, data).pid();
                bootstrap = "localhost:" + brokerPort;
                log.accept(String.format("kafka      ready on %s (KRaft, pid %d) in %.1f s", bootstrap, brokerPid,
                        secondsSince(t0)));
            }
            TopicAdmin.createAll(bootstrap);
            int records = ScenarioLoader.publish(scenario, bootstrap);
            log.accept("scenario   " + scenarioName + ": " + records + " world records published");
            Map<String, Process> services = new LinkedHashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                String name = SERVICES.get(i);
                services.put(name, startService(name, portBase + 1 + i, bootstrap));
            }
            List<StackState.ServiceEntry> entries = new ArrayList<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                String name = SERVICES.get(i);
                entries.add(new StackState.ServiceEntry(name, portBase + 1 + i, services.get(name).pid()));
            }
            StackState state = new StackState(bootstrap, brokerPid, entries, scenarioName);
            state.write(stateFile());
            long deadline = System.nanoTime() + readyTimeout.toNanos();
            long servicesStarted = System.nanoTime();
            for (StackState.ServiceEntry e : entries) {
                awaitReady(e, services.get(e.name()), deadline, servicesStarted);
                log.accept(String.format("ready      %-15s :%d after %.1f s", e.name(), e.port(),
                        secondsSince(servicesStarted)));
            }
            log.accept(String.format("services   %d ready in %.1f s (logs in %s)", entries.size(), secondsSince(t0),
                    home.relativize(logDir().toAbsolutePath())));
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process startBroker(int port, Path data) throws IOException {
        if (!portFree(port)) {
            throw new IllegalStateException("port " + port + " is taken: is a stack already up? (./packet-journey down)");
        }
        Path logFile = logDir().resolve("kafka.log");
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "com.packetjourney.kafka.embedded.BrokerMain", String.valueOf(port), data.toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Process p = pb.start();
        broker = p;
        // The broker prints READY once clients can connect.
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            waiting.waiting("the Kafka broker", Duration.ofNanos(System.nanoTime() - t0));
            if (Files.exists(logFile) && Files.readString(logFile).contains("READY ")) {
                return p;
            }
            sleep(100);
        }
        String logTail = readTail(logFile);
        stop();
        throw new IllegalStateException("the Kafka broker did not start on port " + port + ":\n" + logTail);
    }

    private Process startService(String name, int port, String bootstrap) throws IOException {
        Path jar = home.resolve("services").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            stop();
            throw new IllegalStateException(name + " is not built (" + jar + " missing): run ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(SERVICE_JVM_OPTIONS);
        command.addAll(extraServiceJvmOptions());
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dquarkus.log.file.enable=false", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir().resolve(name + ".log").toFile());
        serviceEnvironment(pb);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Ready means the service has read its world topics (its readiness check), not just that it listens. */
    private void awaitReady(StackState.ServiceEntry e, Process p, long deadline, long since) {
        URI ready = URI.create("http://localhost:" + e.port() + "/q/health/ready");
        while (true) {
            waiting.waiting(e.name() + " to start and read its world", Duration.ofNanos(System.nanoTime() - since));
            if (!p.isAlive()) {
                String logTail = readTail(logDir().resolve(e.name() + ".log"));
                stop();
                throw new IllegalStateException(e.name() + " exited during start-up (code " + p.exitValue()
                        + "); the end of its log:\n" + logTail);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ie);
            }
            if (System.nanoTime() > deadline) {
                String logTail = readTail(logDir().resolve(e.name() + ".log"));
                stop();
                throw new IllegalStateException(e.name() + " did not become ready on port " + e.port()
                        + "; the end of its log:\n" + logTail);
            }
            sleep(200);
        }
    }

    /** Stops what this instance started, all at once, and waits until every process has exited. */
    public void stop() {
        // Services first, while the broker still answers their consumers' goodbyes; then the broker.
        terminateAll(started.stream().map(Process::toHandle).toList());
        started.clear();
        if (broker != null) {
            terminateAll(List.of(broker.toHandle()));
            broker = null;
        }
    }

    /** Stops a stack started by an earlier command, from its state file. */
    public static boolean stopRecorded(Path stateFile) {
        var state = StackState.read(stateFile);
        if (state.isEmpty()) {
            return false;
        }
        List<ProcessHandle> services = new ArrayList<>();
        for (StackState.ServiceEntry s : state.get().services()) {
            ProcessHandle.of(s.pid()).ifPresent(services::add);
        }
        terminateAll(services);
        if (state.get().brokerPid() > 0) {
            ProcessHandle.of(state.get().brokerPid()).ifPresent(b -> terminateAll(List.of(b)));
        }
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException ignored) {
            // a stale file only means the next 'down' has nothing to do
        }
        return true;
    }

    /** SIGTERM to all, then wait; whatever is still alive after 20 s is killed. */
    static void terminateAll(List<ProcessHandle> processes) {
        List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (ProcessHandle p : alive) {
            try {
                p.onExit().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            } catch (Exception timeout) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /**
     * A service JVM's environment: glibc gives threads that allocate at once arenas of their own (up to eight per
     * core, 64 MiB of address space each) and keeps what they freed, so two arenas keep these small JVMs' native
     * memory, and their resident size, down. A MALLOC_ARENA_MAX already set is kept.
     */
    public static void serviceEnvironment(ProcessBuilder pb) {
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    }

    /** The options of PJ_SERVICE_JAVA_OPTS, split at white space. */
    public static List<String> extraServiceJvmOptions() {
        String extra = System.getenv("PJ_SERVICE_JAVA_OPTS");
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The java command this JVM runs on: the services and anything started beside them use the same. */
    public static String javaBinaryPath() {
        return javaBinary();
    }

    public static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String readTail(Path file) {
        try {
            return tail(Files.exists(file) ? Files.readString(file) : "(no log)");
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 25);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

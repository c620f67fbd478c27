package com.packetjourney.bench;

import com.packetjourney.cli.Replay;
import com.packetjourney.cli.ScenarioLoader;
import com.packetjourney.cli.Stack;
import com.packetjourney.cli.StackClient;
import com.packetjourney.cli.StackState;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ./packet-journey bench: starts a stack of its own (its own broker, free ports), then measures on this machine
 * journeys/s (closed loop), latency at fixed rates (open loop) end to end and per hop, the same for a plain Kafka
 * pass-through chain of as many stages (the limit our figures are ratios of), replay speed against a plain reader
 * of the same topics, and the footprint of every process. Writes the figures as Markdown.
 */
public final class Benchmark {
    static final String SCENARIO = "scenarios/eks-nginx.yaml";
    static final String HARNESS = "benchmark harness (load, readers, the chain)";
    private static final Duration OVERLOAD_STEP = Duration.ofSeconds(3);

    /** How long and how hard to measure. */
    public record Settings(boolean quick, Duration warmUp, Duration step, List<Integer> inFlight, List<Integer> rates,
                           int replayWarmRuns) {
        public static Settings full() {
            return new Settings(false, Duration.ofSeconds(15), Duration.ofSeconds(10), List.of(8, 32, 64),
                    List.of(50, 200, 1000), 3);
        }

        /** A smoke run: every figure, from a few seconds of load. */
        public static Settings smoke() {
            return new Settings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), List.of(8), List.of(50), 1);
        }
    }

    /** What a run produced: the Markdown report, where it was written, and the figures it holds. */
    public record Outcome(String markdown, Path file, Report.Figures figures) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) {
        System.exit(command(List.of(args).contains("--quick")));
    }

    /** ./packet-journey bench [--quick]: runs, prints the report and where it was written; the exit code. */
    public static int command(boolean quick) {
        Path home = Path.of(System.getProperty("pj.home", ".")).toAbsolutePath().normalize();
        // a smoke run's figures are not results: they stay under target/
        Path results = home.resolve(quick ? "bench/target/results" : "bench/results");
        Path latest = quick ? null : home.resolve("BENCHMARKS.md");
        Outcome outcome = run(home, quick ? Settings.smoke() : Settings.full(), home.resolve(".pj/bench"), results,
                latest, System.out::println);
        System.out.println();
        System.out.println(outcome.markdown());
        System.out.println("written to " + home.relativize(outcome.file())
                + (latest == null ? "" : " and " + home.relativize(latest)));
        return 0;
    }

    /**
     * Runs the whole benchmark and writes {@code <date>.md} under {@code resultsDir} (and the same to
     * {@code latestFile} unless it is null); nothing it starts outlives it.
     */
    public static Outcome run(Path home, Settings settings, Path stateDir, Path resultsDir, Path latestFile,
                              Consumer<String> log) {
        Scenario scenario = ScenarioLoader.read(home.resolve(SCENARIO));
        Stack stack = new Stack(home, stateDir, log);
        Thread cleanup = new Thread(stack::stop, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Report.Figures figures;
        Report.Machine machine = Report.Machine.current();
        try {
            long t0 = System.nanoTime();
            StackState state = stack.up(scenario, SCENARIO, freePortBase(), freePort(), null, Duration.ofSeconds(180));
            awaitTargets(new StackClient(state), scenario);
            double readySeconds = (System.nanoTime() - t0) / 1e9;
            log.accept(String.format("stack      ready (world settled) in %.1f s", readySeconds));

            Report.PipelineFigures ours;
            Report.PipelineFigures limit;
            Map<String, Double> processing;
            int recordBytes;
            try (StackPipeline pipeline = new StackPipeline(state)) {
                warmUp(pipeline, settings, log);
                recordBytes = pipeline.meanRecordBytes();
                // the chain first: an overloaded stack's backlog must not run beside it
                try (PassThroughChain chain = new PassThroughChain(state.bootstrapServers(), recordBytes)) {
                    warmUp(chain, settings, log);
                    limit = measure(chain, settings, log);
                }
                ours = measure(pipeline, settings, log);
                processing = pipeline.meanProcessingMillis(state);
            }
            log.accept("replay     the whole log, with the CLI's Replay and with a plain consumer");
            Report.ReplayFigures replay = replay(state.bootstrapServers(), settings.replayWarmRuns());
            figures = new Report.Figures(settings, machine, readySeconds, recordBytes, ours, limit,
                    replay, footprint(state), processing);
        } finally {
            stack.stop();
            Runtime.getRuntime().removeShutdownHook(cleanup);
            deleteQuietly(stack.stateFile());
        }
        String markdown = Report.markdown(figures);
        try {
            Files.createDirectories(resultsDir);
            String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
            Path file = resultsDir.resolve(stamp + ".md");
            Files.writeString(file, markdown);
            if (latestFile != null) {
                Files.writeString(latestFile, markdown);
            }
            return new Outcome(markdown, file, figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void warmUp(Pipeline pipeline, Settings settings, Consumer<String> log) {
        log.accept("warm-up    " + pipeline.name() + " for " + settings.warmUp().toSeconds() + " s");
        Load.closed(pipeline, tag(pipeline) + "w", 8, settings.warmUp());
    }

    private static String tag(Pipeline pipeline) {
        return pipeline instanceof StackPipeline ? "s" : "c";
    }

    private static Report.PipelineFigures measure(Pipeline pipeline, Settings settings, Consumer<String> log) {
        String tag = tag(pipeline);
        List<Load.Closed> throughput = new ArrayList<>();
        for (int n : settings.inFlight()) {
            Load.Closed c = Load.closed(pipeline, tag + "t" + n, n, settings.step());
            log.accept(String.format("throughput %-18s %3d in flight: %7.0f journeys/s (%d failed, %d missing)",
                    pipeline.name(), n, c.perSecond(), c.failed(), c.missing()));
            throughput.add(c);
        }
        List<Load.Open> latency = new ArrayList<>();
        for (int rate : settings.rates()) {
            double capacity = throughput.stream().mapToDouble(Load.Closed::perSecond).max().orElse(0);
            // far beyond what the closed loop reached, a long run only builds a backlog that takes minutes to drain
            Duration step = rate > 1.2 * capacity && settings.step().compareTo(OVERLOAD_STEP) > 0
                    ? OVERLOAD_STEP : settings.step();
            Load.Open o = Load.open(pipeline, tag + "r" + rate, rate, step);
            log.accept(String.format("latency    %-18s %4d/s offered: %.0f/s achieved, p50 %.1f ms, p99 %.1f ms",
                    pipeline.name(), rate, o.achievedPerSecond(), o.run().endToEnd().getValueAtPercentile(50) / 1000.0,
                    o.run().endToEnd().getValueAtPercentile(99) / 1000.0));
            latency.add(o);
        }
        return new Report.PipelineFigures(pipeline.name(), pipeline.hopNames(), throughput, latency);
    }

    /** Each reader once (first runs), then alternately {@code warmRuns} more times each (warm: their medians). */
    private static Report.ReplayFigures replay(String bootstrap, int warmRuns) {
        long t0 = System.nanoTime();
        long plain = PlainRead.all(bootstrap, Topics.hopTopics());
        double plainFirst = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Replay.Result result = Replay.run(new Replay.Options(bootstrap, null, null));
        double replayFirst = (System.nanoTime() - t1) / 1e9;
        List<Double> plainWarm = new ArrayList<>();
        List<Double> replayWarm = new ArrayList<>();
        for (int i = 0; i < warmRuns; i++) {
            long p0 = System.nanoTime();
            PlainRead.all(bootstrap, Topics.hopTopics());
            plainWarm.add((System.nanoTime() - p0) / 1e9);
            long r0 = System.nanoTime();
            Replay.run(new Replay.Options(bootstrap, null, null));
            replayWarm.add((System.nanoTime() - r0) / 1e9);
        }
        return new Report.ReplayFigures(result.records(), result.journeys().size(), plain, replayFirst, plainFirst,
                warmRuns, median(replayWarm), median(plainWarm));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Memory and CPU time of every process of the stack, and of this harness (load, readers, the chain). */
    private static Map<String, long[]> footprint(StackState state) {
        Map<String, long[]> usage = new LinkedHashMap<>();
        usage.put("kafka (broker)", Report.usage(state.brokerPid()));
        state.services().forEach(s -> usage.put(s.name(), Report.usage(s.pid())));
        usage.put(HARNESS, Report.usage(ProcessHandle.current().pid()));
        return usage;
    }

    /** The world settles asynchronously (pods scheduled, IPs assigned, targets registered): journeys wait for it. */
    private static void awaitTargets(StackClient client, Scenario scenario) {
        int expected = ScenarioLoader.expectedReplicas(scenario);
        List<LoadBalancer> lbs = scenario.loadBalancers() == null ? List.of() : scenario.loadBalancers();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (lbs.stream().mapToInt(lb -> client.healthyTargets(lb.name())).sum() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ALB targets were not registered within 120 s");
            }
            Load.sleep(100);
        }
    }

    private static int freePortBase() {
        for (int base = 24000 + (int) (ProcessHandle.current().pid() % 50) * 20; base < 40000; base += 20) {
            boolean free = true;
            for (int i = 1; i <= Stack.SERVICES.size() && free; i++) {
                free = Stack.portFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range for the services");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale state file names processes that are gone: nothing acts on it
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.packetjourney.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's figures and their Markdown: our stack's first, then as a ratio of the pass-through chain's. */
public final class Report {
    /** Everything one run measured. {@code usage}: process to {current, peak} resident memory in KiB and CPU ms. */
    public record Figures(Benchmark.Settings settings, Machine machine, double readySeconds, int recordBytes,
                          PipelineFigures stack, PipelineFigures chain, ReplayFigures replay,
                          Map<String, long[]> usage, Map<String, Double> processingMillis) {
    }

    public record PipelineFigures(String name, List<String> hopNames, List<Load.Closed> throughput,
                                  List<Load.Open> latency) {
        double bestThroughput() {
            return throughput.stream().filter(c -> c.failed() == 0 && c.missing() == 0)
                    .mapToDouble(Load.Closed::perSecond).max().orElse(0);
        }
    }

    /**
     * Each reader read the whole log once first (the replay's JSON binding then runs before the JIT has compiled
     * it), then {@code warmRuns} more times, alternating with the other: the warm figures are the medians of those.
     */
    public record ReplayFigures(long replayEvents, int journeys, long plainEvents, double replayFirstSeconds,
                                double plainFirstSeconds, int warmRuns, double replayWarmSeconds,
                                double plainWarmSeconds) {
        double replayWarmRate() {
            return replayEvents / replayWarmSeconds;
        }

        double plainWarmRate() {
            return plainEvents / plainWarmSeconds;
        }
    }

    /** {@code loadAverage}: /proc/loadavg's 1, 5 and 15 minute figures as the run began (others' work shows). */
    public record Machine(int cpus, String cpuModel, long memoryMiB, String java, String loadAverage) {
        static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(), procLine("/proc/cpuinfo", "model name"),
                    parseKiB(procLine("/proc/meminfo", "MemTotal")) / 1024,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    readLoadAverage());
        }

        private static String readLoadAverage() {
            try {
                return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
            } catch (IOException | RuntimeException e) {
                return "?";
            }
        }
    }

    /** USER_HZ, the unit of /proc/<pid>/stat's times: 100 on Linux on every common architecture. */
    private static final long CLOCK_TICKS = 100;

    private Report() {
    }

    static String markdown(Figures f) {
        StringBuilder md = new StringBuilder();
        PipelineFigures s = f.stack();
        PipelineFigures c = f.chain();
        md.append("# packet-journey benchmark").append(f.settings().quick() ? " (--quick smoke run: not results)" : "")
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "%s, on %d CPUs (%s), %d MiB of memory, %s; load average %s as "
                        + "it began. Reproduce: `./packet-journey bench%s`. What profiling found and what each change "
                        + "bought: `bench/PROFILE.md`.%n%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                f.machine().cpus(), f.machine().cpuModel(), f.machine().memoryMiB(), f.machine().java(),
                f.machine().loadAverage(), f.settings().quick() ? " --quick" : ""));
        md.append("Everything runs on this one machine: the embedded broker, the nine services (each its own JVM, "
                + "`").append(serviceJvmOptions()).append("`, MALLOC_ARENA_MAX=2), the load generator and the readers. The "
                + "limit is a pass-through chain on the same broker: ").append(PassThroughChain.STAGES)
                .append(" stages, each a process of its own with the services' JVM options, a plain KafkaConsumer "
                        + "and KafkaProducer (linger.ms=0) forwarding records of the hop events' mean size (")
                .append(f.recordBytes()).append(" bytes) over topics of ")
                .append(com.packetjourney.contracts.Topics.HOP_PARTITIONS)
                .append(" partitions. Journeys enter the stack through `POST /journeys` at the laptop; the chain's "
                        + "enter with a produce. A journey ends when its pod hop (the chain's last record) reaches a "
                        + "plain consumer that fetches each record as it is written; the stack's other hop topics, "
                        + "read only for the per-hop stamps, are fetched in batches. Warm-up ").append(f.settings().warmUp().toSeconds())
                .append(" s, then ").append(f.settings().step().toSeconds()).append(" s per figure.\n\n");

        md.append("## Throughput: closed loop, every journey completing\n\n");
        md.append("| in flight | stack journeys/s | chain journeys/s | stack / chain | stack failed, missing |\n");
        md.append("|---:|---:|---:|---:|---|\n");
        for (int i = 0; i < s.throughput().size(); i++) {
            Load.Closed a = s.throughput().get(i);
            Load.Closed b = c.throughput().get(i);
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %s | %d, %d |%n", a.inFlight(), a.perSecond(),
                    b.perSecond(), ratio(a.perSecond(), b.perSecond()), a.failed(), a.missing()));
        }
        md.append(String.format(Locale.ROOT, "%nHighest sustained with every journey completing: **%.0f journeys/s** "
                + "(the chain: %.0f; %s of it).%n%n", s.bestThroughput(), c.bestThroughput(),
                ratio(s.bestThroughput(), c.bestThroughput())));

        md.append("## Latency: open loop at fixed rates, ms from the intended send to the end at the reader\n\n");
        md.append("| offered/s | pipeline | achieved/s | p50 | p99 | p99.9 | max | failed, missing | note |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---|---|\n");
        for (int i = 0; i < s.latency().size(); i++) {
            for (PipelineFigures p : List.of(s, c)) {
                Load.Open o = p.latency().get(i);
                Histogram h = o.run().endToEnd();
                md.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %s | %s | %s | %s | %d, %d | %s |%n",
                        o.offeredPerSecond(), p.name(), o.achievedPerSecond(), ms(h, 50), ms(h, 99), ms(h, 99.9),
                        ms(h, 100), o.failed(), o.missing(), capacityNote(o)));
            }
            Histogram a = s.latency().get(i).run().endToEnd();
            Histogram b = c.latency().get(i).run().endToEnd();
            md.append(String.format(Locale.ROOT, "| %d | **stack / chain** | | %s | %s | %s | | | |%n",
                    s.latency().get(i).offeredPerSecond(), ratioAt(a, b, 50), ratioAt(a, b, 99), ratioAt(a, b, 99.9)));
        }

        Load.Open sl = s.latency().get(0);
        Load.Open cl = c.latency().get(0);
        md.append(String.format(Locale.ROOT, "%n## Per hop at %d/s: ms between consecutive stamps (hop events' "
                + "wallTime; the chain's per-stage header)%n%n", sl.offeredPerSecond()));
        md.append("| stack hop | p50 | p99 | chain hop | p50 | p99 | stack / chain p50 |\n");
        md.append("|---|---:|---:|---|---:|---:|---:|\n");
        List<Histogram> sh = sl.run().perHop();
        List<Histogram> ch = cl.run().perHop();
        for (int i = 0; i < sh.size(); i++) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", s.hopNames().get(i),
                    ms(sh.get(i), 50), ms(sh.get(i), 99), c.hopNames().get(i), ms(ch.get(i), 50), ms(ch.get(i), 99),
                    ratioAt(sh.get(i), ch.get(i), 50)));
        }
        md.append(String.format(Locale.ROOT, "%nSlowest stack hop at p50: %s. A hop's interval is the service's "
                + "own work plus the record's way through the broker and any wait in the service's queue; the work "
                + "alone, as each service measured it over the whole run (mean of `pj_hop_processing_seconds`): %s.%n",
                slowest(s.hopNames(), sh), f.processingMillis().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.2f ms", e.getKey(), e.getValue()))
                        .collect(java.util.stream.Collectors.joining(", "))));

        ReplayFigures r = f.replay();
        md.append("\n## Replay: the whole log of hop topics\n\n");
        md.append("| reader | events | journeys | first run s | first run events/s | warm s (median of "
                + r.warmRuns() + ") | warm events/s |\n|---|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT,
                "| `Replay` (the CLI: JSON read, journeys folded) | %d | %d | %.2f | %.0f | %.2f | %.0f |%n",
                r.replayEvents(), r.journeys(), r.replayFirstSeconds(), r.replayEvents() / r.replayFirstSeconds(),
                r.replayWarmSeconds(), r.replayWarmRate()));
        md.append(String.format(Locale.ROOT, "| plain consumer (bytes only) | %d | | %.2f | %.0f | %.2f | %.0f |%n",
                r.plainEvents(), r.plainFirstSeconds(), r.plainEvents() / r.plainFirstSeconds(),
                r.plainWarmSeconds(), r.plainWarmRate()));
        md.append(String.format(Locale.ROOT, "%nWarm, replay runs at %s of the plain consumer's speed; on its first "
                        + "run in this JVM, at %s. The first run pays for compiling the JSON binding, a cost per "
                        + "process rather than per event: it dominates a log this short and fades on a long one.%n",
                ratio(r.replayWarmRate(), r.plainWarmRate()),
                ratio(r.replayEvents() / r.replayFirstSeconds(), r.plainEvents() / r.plainFirstSeconds())));

        md.append("\n## Footprint: resident memory after the runs (VmRSS), its peak (VmHWM), CPU time used\n\n");
        md.append("| process | RSS MiB | peak MiB | CPU s (whole run) |\n|---|---:|---:|---:|\n");
        long total = 0;
        for (Map.Entry<String, long[]> e : f.usage().entrySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f |%n", e.getKey(), e.getValue()[0] / 1024,
                    e.getValue()[1] / 1024, e.getValue()[2] / 1000.0));
            if (!e.getKey().equals(Benchmark.HARNESS)) {
                total += e.getValue()[0];
            }
        }
        md.append(String.format(Locale.ROOT, "| **total of the stack** | %d | | |%n", total / 1024));
        md.append(String.format(Locale.ROOT, "%nFrom `up` (broker start) until the stack is ready (services ready, "
                + "world settled: targets registered): %.1f s.%n", f.readySeconds()));
        return md.toString();
    }

    private static String capacityNote(Load.Open o) {
        if (o.missing() > 0 || o.achievedPerSecond() < 0.95 * o.offeredPerSecond()) {
            return String.format(Locale.ROOT, "beyond capacity: %d journeys offered in %.0f s, ended at %.0f/s; "
                    + "the queue shows in the latency", o.sent(), o.seconds(), o.achievedPerSecond());
        }
        return "";
    }

    private static String slowest(List<String> names, List<Histogram> hops) {
        int worst = 0;
        for (int i = 1; i < hops.size(); i++) {
            if (hops.get(i).getValueAtPercentile(50) > hops.get(worst).getValueAtPercentile(50)) {
                worst = i;
            }
        }
        return names.get(worst) + " (" + ms(hops.get(worst), 50) + " ms)";
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String ratioAt(Histogram a, Histogram b, double percentile) {
        return a.getTotalCount() == 0 || b.getTotalCount() == 0 ? "-"
                : ratio(a.getValueAtPercentile(percentile), b.getValueAtPercentile(percentile));
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    /**
     * {VmRSS, VmHWM} of a process in KiB, from /proc, and the CPU time it has used (user and system, ms; zeros where
     * it cannot be read).
     */
    static long[] usage(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        long cpuMillis = 0;
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // the fields after the command's closing parenthesis start with the 3rd: utime is the 14th, stime the 15th
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            cpuMillis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            // left at zero: the process is gone
        }
        return new long[]{parseKiB(procLine(proc.resolve("status").toString(), "VmRSS")),
                parseKiB(procLine(proc.resolve("status").toString(), "VmHWM")), cpuMillis};
    }

    private static String procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long parseKiB(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static String serviceJvmOptions() {
        List<String> all = new java.util.ArrayList<>(com.packetjourney.cli.Stack.SERVICE_JVM_OPTIONS);
        all.addAll(com.packetjourney.cli.Stack.extraServiceJvmOptions());
        return String.join(" ", all);
    }
}

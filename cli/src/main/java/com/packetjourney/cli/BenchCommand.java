package com.packetjourney.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.reflect.InvocationTargetException;

/**
 * The benchmark lives in its own module, which depends on this one; the launcher puts it on the class path for
 * `bench` only, and this command hands over to it once its options are parsed (so `bench --help` measures nothing).
 */
@Command(name = "bench", description = {"Measure this machine: journeys/s, latency, replay speed, footprint.",
        "Latency end to end and per hop, each as a ratio of a plain Kafka pass-through chain, on a stack of its own "
        + "(free ports). Writes bench/results/<date>.md and BENCHMARKS.md; takes several minutes."})
final class BenchCommand extends CliCommand {
    static final String BENCHMARK = "com.packetjourney.bench.Benchmark";

    @Option(names = "--quick", description = "a smoke run: every figure from a few seconds of load, written under "
            + "bench/target/results only")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        Class<?> benchmark;
        try {
            benchmark = Class.forName(BENCHMARK);
        } catch (ClassNotFoundException e) {
            throw CliError.usage("the benchmark is not on the class path: run it as ./packet-journey bench");
        }
        try {
            return (Integer) benchmark.getMethod("command", boolean.class).invoke(null, quick);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}

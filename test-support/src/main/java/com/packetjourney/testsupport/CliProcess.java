package com.packetjourney.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * ./packet-journey as a user runs it: the CLI's main class in a JVM of its own, started as the launcher starts it
 * (C1 only, pj.home set), with its exit code, stdout and stderr. The child's environment has no PJ_* variable but
 * those given, and NO_COLOR, so what it prints does not depend on the shell the tests run in.
 */
public final class CliProcess {
    public static final String MAIN_CLASS = "com.packetjourney.cli.PacketJourney";

    /** How one run ended; {@code out} and {@code err} are what it printed. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final String classpath;
    private final Path home;
    private final Map<String, String> env;

    /** The CLI from {@code classpath}, run with {@code home} as the project directory and these variables. */
    public CliProcess(String classpath, Path home, Map<String, String> env) {
        this.classpath = classpath;
        this.home = home;
        this.env = Map.copyOf(env);
    }

    /** The packaged CLI, as the launcher runs it: cli/target/cli.jar and its dependencies in cli/target/lib. */
    public static CliProcess packaged(Path projectHome, Map<String, String> env) {
        Path target = projectHome.resolve("cli/target");
        return new CliProcess(target.resolve("cli.jar") + File.pathSeparator + target.resolve("lib") + "/*",
                projectHome, env);
    }

    public CliProcess withEnv(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(more);
        return new CliProcess(classpath, home, merged);
    }

    /** Runs the command line and waits for it; a run longer than {@code timeout} is killed and fails the test. */
    public Result run(Duration timeout, String... args) {
        Process p = start(args);
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("./packet-journey " + String.join(" ", args) + " still ran after "
                        + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted", e);
        }
    }

    public Result run(String... args) {
        return run(Duration.ofSeconds(60), args);
    }

    /** Starts the command line and returns at once, for a command that runs until stopped (journeys --watch). */
    public Process start(String... args) {
        // a test class path has more than one SLF4J provider; the launcher's has only the CLI's, which is named here
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-Dslf4j.provider=org.slf4j.nop.NOPServiceProvider", "-cp", classpath,
                "-Dpj.home=" + home, MAIN_CLASS));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PJ_") || k.equals("NO_COLOR"));
        pb.environment().put("NO_COLOR", "1");
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
    }
}

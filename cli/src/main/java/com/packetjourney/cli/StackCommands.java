package com.packetjourney.cli;

import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** What `demo` and `up` share: the scenario file, starting a stack with progress shown, waiting for the world. */
final class StackCommands {
    static final String DEFAULT_SCENARIO = "scenarios/eks-nginx.yaml";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private StackCommands() {
    }

    static Path scenarioFile(Path home, String name) {
        Path file = home.resolve(name == null ? DEFAULT_SCENARIO : name);
        if (!Files.exists(file)) {
            throw CliError.usage("no scenario file " + file);
        }
        return file;
    }

    /** A stack in {@code stateDir} whose log lines go to {@code log} and whose waiting shows on {@code status}. */
    static Stack stack(Path home, Path stateDir, StatusLine status, Consumer<String> log) {
        return new Stack(home, stateDir, line -> {
            status.clear();
            log.accept(line);
        }).showWaiting((what, elapsed) -> status.show(String.format(Locale.ROOT, "waiting for %s... %d s", what,
                elapsed.toSeconds())));
    }

    /** Refuses to start a second stack over a running one. */
    static void refuseIfRunning(Path stateFile) {
        StackState.read(stateFile).filter(StackState::anyAlive).ifPresent(s -> {
            throw CliError.failure("a stack is already running (" + stateFile + "): ./packet-journey down");
        });
    }

    /** The world settles asynchronously (pods scheduled, IPs assigned, targets registered): wait for it. */
    static void awaitTargets(StackClient client, Scenario scenario, StatusLine status, Consumer<String> log) {
        int expected = ScenarioLoader.expectedReplicas(scenario);
        List<LoadBalancer> lbs = scenario.loadBalancers() == null ? List.of() : scenario.loadBalancers();
        if (expected == 0 || lbs.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(60).toNanos();
        int healthy = 0;
        while (System.nanoTime() < deadline) {
            healthy = lbs.stream().mapToInt(lb -> client.healthyTargets(lb.name())).sum();
            if (healthy >= expected) {
                status.clear();
                log.accept(String.format(Locale.ROOT, "world      %s scheduled, given IPs by the VPC CNI and "
                        + "registered as ALB targets in %.1f s", Plural.of(healthy, "pod"), (System.nanoTime() - t0) / 1e9));
                return;
            }
            status.show(String.format(Locale.ROOT, "waiting for the ALB's targets: %d of %d healthy... %d s", healthy,
                    expected, Duration.ofNanos(System.nanoTime() - t0).toSeconds()));
            sleep(200);
        }
        status.clear();
        log.accept("world      only " + healthy + " of " + Plural.of(expected, "target") + " registered after 60 s; "
                + "going on");
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (Exception ignored) {
            // nothing to clean
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.packetjourney.cli;

import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.contracts.world.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

@Command(name = "demo", description = {"Start everything, send one request, print its journey, stop everything.",
        "Starts Kafka and every service, loads the scenario, sends the request from the laptop, prints the journey "
        + "as journey-log rebuilt it from the topics, and stops everything it started (also on Ctrl-C).",
        "Exit code 1 when the journey failed or stalled."})
final class DemoCommand extends CliCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", defaultValue = PacketJourney.DEFAULT_URL,
            description = "what the laptop's browser asks for (default: ${DEFAULT-VALUE})")
    String url;

    @Mixin
    ScenarioOption scenario;

    @Option(names = "--client", paramLabel = "NAME", description = "the device that sends it (default: the laptop)")
    String client;

    @Option(names = "--at", paramLabel = "INSTANT", description = "the simulated start, e.g. 2026-01-01T10:00:00Z")
    Instant at;

    @Option(names = "--id", paramLabel = "ID", description = "the journey id (default: a new UUID)")
    String id;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        Path home = root().home();
        Path stateDir = home.resolve(".pj/demo");
        StackCommands.refuseIfRunning(home.resolve(".pj/stack.json"));
        StackCommands.refuseIfRunning(stateDir.resolve("stack.json"));
        StatusLine status = StatusLine.onTerminal();
        var log = output.isText() ? out() : err();
        Stack stack = StackCommands.stack(home, stateDir, status, log::println);
        Thread cleanup = new Thread(() -> {
            stack.stop();
            StackCommands.deleteQuietly(stack.stateFile());
        }, "demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        long t0 = System.nanoTime();
        try {
            Path scenarioFile = scenario.file(home);
            Scenario world = ScenarioLoader.read(scenarioFile);
            StackState state = stack.up(world, home.relativize(scenarioFile).toString(), root().portBase(),
                    root().kafkaPort(), null, StackCommands.READY_TIMEOUT);
            StackClient stackClient = new StackClient(state);
            StackCommands.awaitTargets(stackClient, world, status, log::println);
            String journeyId = stackClient.send(url, client, at == null ? null : at.toString(), id);
            log.println("journey    " + journeyId + " sent from the laptop\n");
            Optional<JourneyView> journey = stackClient.awaitEnd(journeyId, Duration.ofSeconds(60),
                    (j, waited) -> status.show(progressOf("journey " + journeyId, j, waited)));
            status.clear();
            if (journey.isEmpty()) {
                throw CliError.failure("journey " + journeyId + " never reached journey-log");
            }
            JourneyView shown = stalledIfUnfinished(journey.get());
            out().print(output.isText() ? JourneyTable.render(shown) + "\n"
                    : output.document(Json.mapper().valueToTree(shown)));
            log.printf("demo took %.1f s of wall time; stopping everything%n", (System.nanoTime() - t0) / 1e9);
            return exitCodeOf(shown);
        } finally {
            status.clear();
            stack.stop();
            StackCommands.deleteQuietly(stack.stateFile());
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }
}

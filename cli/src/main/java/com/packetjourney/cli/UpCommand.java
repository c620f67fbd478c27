package com.packetjourney.cli;

import com.packetjourney.contracts.world.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "up", description = {"Start Kafka and every service in the background and load the scenario.",
        "Waits until each service has read its world and the cluster has settled; `down` stops them.",
        "Ports: PJ_PORT_BASE (services on base+1..base+9, default 18080) and PJ_KAFKA_PORT (default 19092)."})
final class UpCommand extends CliCommand {
    @Mixin
    ScenarioOption scenario;

    @Option(names = "--observability", description = "also start Prometheus (/usr/bin/prometheus) scraping every "
            + "service, on PJ_PROMETHEUS_PORT (default 9090)")
    boolean observability;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        Path home = root().home();
        Path stateFile = home.resolve(".pj/stack.json");
        StackCommands.refuseIfRunning(stateFile);
        StackCommands.refuseIfRunning(home.resolve(".pj/demo/stack.json"));
        Path scenarioFile = scenario.file(home);
        Scenario world = ScenarioLoader.read(scenarioFile);
        StatusLine status = StatusLine.onTerminal();
        PrintStream log = output.isText() ? out() : err();
        Stack stack = StackCommands.stack(home, home.resolve(".pj"), status, log::println);
        boolean[] done = {false};
        Thread cleanup = new Thread(() -> {
            if (!done[0]) {
                stack.stop();
                StackCommands.deleteQuietly(stack.stateFile());
            }
        }, "up-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        StackState state;
        try {
            state = stack.up(world, home.relativize(scenarioFile).toString(), root().portBase(), root().kafkaPort(),
                    null, StackCommands.READY_TIMEOUT);
            StackCommands.awaitTargets(new StackClient(state), world, status, log::println);
            if (observability) {
                Prometheus.startForStack(home, home.resolve(".pj"), root().portBase(), root().prometheusPort(),
                        log::println);
            }
        } finally {
            status.clear();
        }
        done[0] = true;
        Runtime.getRuntime().removeShutdownHook(cleanup);
        if (!output.isText()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("bootstrapServers", state.bootstrapServers());
            Map<String, String> services = new LinkedHashMap<>();
            state.services().forEach(s -> services.put(s.name(), s.baseUrl()));
            doc.put("services", services);
            out().print(output.document(doc));
            return ExitCode.OK;
        }
        out().println("\nthe stack is up:");
        state.services().forEach(s -> out().printf("  %-15s %s%n", s.name(), s.baseUrl()));
        out().println("  kafka           " + state.bootstrapServers());
        out().println("\nnext: ./packet-journey send   then   ./packet-journey down");
        return ExitCode.OK;
    }
}

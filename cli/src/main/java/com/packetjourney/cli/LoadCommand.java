package com.packetjourney.cli;

import com.packetjourney.kafka.TopicAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "load", description = {"Create the topics on a broker and publish a scenario there.",
        "The scenario becomes world records; this is what docker-compose's world-loader runs."})
final class LoadCommand extends CliCommand {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "the broker (default: the stack's)")
    String bootstrap;

    @Mixin
    ScenarioOption scenario;

    @Override
    public Integer call() {
        String servers = bootstrap != null ? bootstrap : stack().state().bootstrapServers();
        Path scenarioFile = scenario.file(root().home());
        var world = ScenarioLoader.read(scenarioFile);
        BrokerProbe.requireReachable(servers, bootstrap != null ? "is a broker listening there?" : StackLocator.HINT);
        TopicAdmin.createAll(servers);
        int records = ScenarioLoader.publish(world, servers);
        out().println("published " + Plural.of(records, "world record") + " of " + scenarioFile + " to " + servers);
        return ExitCode.OK;
    }
}

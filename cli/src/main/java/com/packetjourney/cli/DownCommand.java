package com.packetjourney.cli;

import picocli.CommandLine.Command;

import java.nio.file.Path;

@Command(name = "down", description = {"Stop everything `up` started.",
        "Also an interrupted `demo`'s stack and Prometheus. The compose stack is stopped with docker compose down."})
final class DownCommand extends CliCommand {
    @Override
    public Integer call() {
        Path home = root().home();
        boolean any = Stack.stopRecorded(home.resolve(".pj/stack.json"));
        any |= Stack.stopRecorded(home.resolve(".pj/demo/stack.json"));
        any |= Prometheus.stopRecorded(home.resolve(".pj/prometheus.json"));
        out().println(any ? "stopped" : "nothing is running (for the compose stack: docker compose down)");
        return ExitCode.OK;
    }
}

package com.packetjourney.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --scenario FILE, for the commands that load a world (demo, up, load). */
final class ScenarioOption {
    @Option(names = "--scenario", paramLabel = "FILE", description = "the world to load (default: "
            + StackCommands.DEFAULT_SCENARIO + ")")
    String scenario;

    /** The scenario file under the project directory; a usage error if there is none. */
    Path file(Path home) {
        return StackCommands.scenarioFile(home, scenario);
    }
}

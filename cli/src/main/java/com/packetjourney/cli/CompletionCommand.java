package com.packetjourney.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

@Command(name = "completion", description = {"Print a shell completion script (bash, zsh).",
        "Commands, options and their values then complete with Tab.",
        "bash: source <(./packet-journey completion)",
        "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(./packet-journey completion)"})
final class CompletionCommand extends CliCommand {
    @Override
    public Integer call() {
        out().print(AutoComplete.bash("packet-journey", spec.root().commandLine()));
        return ExitCode.OK;
    }
}

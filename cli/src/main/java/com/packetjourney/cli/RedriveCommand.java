package com.packetjourney.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;

@Command(name = "redrive", description = {"Send a recorded journey's request again and compare both, hop by hop.",
        "Same URL and device, at the same simulated instant unless --at says otherwise, against the world as it is "
        + "now: * marks a field that changed, ! a failure the recorded journey did not have.",
        "Exit code 1 when the re-driven journey fails or stalls where the recorded one did not."})
final class RedriveCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "the recorded journey's id, or a unique prefix of it")
    String id;

    @Option(names = "--at", paramLabel = "INSTANT", description = "the simulated start of the re-drive (default: the "
            + "recorded journey's)")
    Instant at;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        StatusLine status = StatusLine.onTerminal();
        Redrive.Result result;
        try {
            result = Redrive.run(client(), id, at == null ? null : at.toString(),
                    (j, waited) -> status.show(progressOf("the re-driven journey", j, waited)));
        } finally {
            status.clear();
        }
        out().print(output.isText() ? Redrive.render(result) : output.document(Redrive.document(result)));
        return Redrive.newlyFailed(result) ? ExitCode.FAILED : ExitCode.OK;
    }
}

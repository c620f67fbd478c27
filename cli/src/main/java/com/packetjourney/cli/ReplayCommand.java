package com.packetjourney.cli;

import com.packetjourney.contracts.journey.JourneyView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Command(name = "replay", description = {"Rebuild journeys straight from the hop topics.",
        "Reads with a bounded consumer of its own (partitions assigned, no group, no commits) up to where the log "
        + "stood when it began, so the same log always replays to the same output. -o json and -o yaml print one "
        + "document per journey.",
        "Exit code 1 when --journey names a journey that failed or stalled."})
final class ReplayCommand extends CliCommand {
    @Option(names = "--from", paramLabel = "INSTANT", description = "only records written (wall time) at or after "
            + "this, e.g. 2026-05-01T12:00:00Z")
    Instant from;

    @Option(names = "--journey", paramLabel = "ID", description = "one journey, hop by hop: its id or a unique prefix")
    String journey;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "the broker (default: the stack's)")
    String bootstrap;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        String servers = bootstrap != null ? bootstrap : stack().state().bootstrapServers();
        BrokerProbe.requireReachable(servers, bootstrap != null ? "is a broker listening there?" : StackLocator.HINT);
        Replay.Result result = Replay.run(new Replay.Options(servers, from, journey), ProgressBar.onTerminal("replaying"));
        err().printf(Locale.ROOT, "replayed %s of %s up to the end offsets seen at start%s%n",
                Plural.of(result.records(), "record"), Plural.of(result.partitions(), "partition"),
                result.unreadable() == 0 ? "" : " (" + result.unreadable() + " unreadable, skipped)");
        if (journey != null) {
            return printOne(result.journeys());
        }
        if (output.isText()) {
            out().print(Replay.table(result));
        } else {
            result.journeys().forEach(j -> out().print(output.streamed(j)));
        }
        return ExitCode.OK;
    }

    private int printOne(List<JourneyView> journeys) {
        List<JourneyView> exact = journeys.stream().filter(j -> j.journeyId().equals(journey)).toList();
        List<JourneyView> matching = exact.isEmpty() ? journeys : exact;
        if (matching.isEmpty()) {
            throw CliError.failure("no event of journey " + journey + " in the replayed log");
        }
        if (matching.size() > 1) {
            throw StackClient.ambiguous(journey, matching.stream().map(JourneyView::journeyId).toList());
        }
        JourneyView j = matching.get(0);
        out().print(output.isText() ? JourneyTable.render(j) : output.streamed(j));
        return exitCodeOf(j);
    }
}

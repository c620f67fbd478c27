package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

@Command(name = "send", description = {"Send a request from the laptop and print its journey hop by hop.",
        "The journey starts one simulated second after the device's previous one (the scenario's epoch for the "
        + "first), --after that long after it, or --at an instant; it is printed once it has ended.",
        "Exit code 1 when the journey failed or stalled."})
final class SendCommand extends CliCommand implements Problems.FieldNames {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", defaultValue = PacketJourney.DEFAULT_URL,
            description = "what the browser asks for (default: ${DEFAULT-VALUE})")
    String url;

    static final class When {
        @Option(names = "--at", paramLabel = "INSTANT", required = true,
                description = "the simulated start, e.g. 2026-01-01T10:00:00Z")
        Instant at;

        @Option(names = "--after", paramLabel = "DURATION", required = true,
                description = "this long after the device's previous journey: 90s, 10m, 2h, 1d, 1h30m or ISO-8601 "
                        + "such as PT10M")
        String after;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    When when;

    @Option(names = "--client", paramLabel = "NAME", description = "the device that sends it (default: the laptop)")
    String client;

    @Option(names = "--id", paramLabel = "ID", description = "the journey id (default: a new UUID)")
    String id;

    @Mixin
    Output output;

    @Override
    public Map<String, String> fieldNames() {
        return Map.of("journeyId", "--id");
    }

    @Override
    public Integer call() {
        StackClient stack = client();
        String at = when == null || when.at == null ? null : when.at.toString();
        String after = when == null ? null : when.after;
        String journeyId = stack.send(url, client, at, after, id);
        StatusLine status = StatusLine.onTerminal();
        Optional<JourneyView> journey = stack.awaitEnd(journeyId, WAIT,
                (j, waited) -> status.show(progressOf("journey " + journeyId, j, waited)));
        status.clear();
        if (journey.isEmpty()) {
            throw CliError.failure("journey " + journeyId + " has not reached journey-log within "
                    + WAIT.toSeconds() + " s (./packet-journey show " + journeyId + " later)");
        }
        JourneyView shown = stalledIfUnfinished(journey.get());
        if (output.isText()) {
            out().println(JourneyTable.render(shown));
        } else {
            JsonNode doc = Json.mapper().valueToTree(shown);
            out().print(output.document(doc));
        }
        return exitCodeOf(shown);
    }
}

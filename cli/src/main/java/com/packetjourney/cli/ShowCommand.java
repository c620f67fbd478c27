package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Map;

@Command(name = "show", description = {"Print one journey, hop by hop, as journey-log rebuilt it from the log.",
        "Exit code 1 when the journey failed or stalled."})
final class ShowCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "the journey id, or a unique prefix of it")
    String id;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        Map.Entry<String, String> found = client().findJourney(id);
        JourneyView journey = Json.read(found.getValue(), JourneyView.class);
        out().print(output.isText() ? JourneyTable.render(journey)
                : output.document(Json.read(found.getValue(), JsonNode.class)));
        return exitCodeOf(journey);
    }
}

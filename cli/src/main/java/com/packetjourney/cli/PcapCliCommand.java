package com.packetjourney.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pcap", description = {"Write a journey's packets as a pcapng file for Wireshark or tshark.",
        "The packets are journey-log's export (GET /journeys/{id}/pcap), on the simulated timeline."})
final class PcapCliCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "the journey id, or a unique prefix of it")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write it (default: "
            + "journey-ID.pcapng)")
    String file;

    @Override
    public Integer call() {
        String journeyId = client().findJourney(id).getKey();
        return new PcapCommand(stack().state().urlOf("journey-log"), out()).run(journeyId, file);
    }
}

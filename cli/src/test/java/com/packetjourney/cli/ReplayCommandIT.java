package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.kafka.TopicAdmin;
import com.packetjourney.kafka.embedded.EmbeddedKafkaBroker;
import com.packetjourney.testsupport.CliProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `replay` as a process against a real (embedded) broker: its machine output parsed back, journey ids by unique
 * prefix, and the exit codes of a completed, a failed and an ambiguous journey.
 */
class ReplayCommandIT {
    private static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");

    static EmbeddedKafkaBroker broker;
    static CliProcess cli;

    @BeforeAll
    static void startBroker(@TempDir Path home) {
        broker = EmbeddedKafkaBroker.start();
        TopicAdmin.createAll(broker.bootstrapServers());
        // three hops each: one still on its way (nothing later in the log to call it stalled), one failed at DNS
        ReplayTest.publish(broker.bootstrapServers(), ReplayTest.journey("7f3a9c-open", EPOCH, false));
        ReplayTest.publish(broker.bootstrapServers(), ReplayTest.journey("7f3b12-failed", EPOCH, true));
        cli = new CliProcess(System.getProperty("java.class.path"), home, Map.of());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void jsonOutputIsOneJourneyPerLineThatParsesBack() {
        CliProcess.Result r = cli.run("replay", "--bootstrap", broker.bootstrapServers(), "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<JourneyView> journeys = r.out().lines().map(l -> Json.read(l, JourneyView.class)).toList();
        assertThat(journeys).extracting(JourneyView::journeyId).containsExactly("7f3a9c-open", "7f3b12-failed");
        assertThat(journeys.get(1).failureCode()).isEqualTo(FailureCode.DNS_NXDOMAIN);
        assertThat(r.err()).contains("replayed 6 records of");
    }

    @Test
    void theTableHasAHeaderAndCountsInTheRightNumber() {
        CliProcess.Result r = cli.run("replay", "--bootstrap", broker.bootstrapServers());

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("SIMULATED START").contains("JOURNEY", "OUTCOME", "URL");
        int journeyColumn = lines.get(0).indexOf("JOURNEY");
        int outcomeColumn = lines.get(0).indexOf("OUTCOME");
        assertThat(lines.get(1).substring(journeyColumn)).startsWith("7f3a9c-open ");
        assertThat(lines.get(2).substring(outcomeColumn)).startsWith("FAILED ");
        assertThat(lines).last().isEqualTo("2 journeys: 1 in progress, 1 failed");
    }

    @Test
    void aUniquePrefixNamesOneJourneyAndTheExitCodeSaysWhetherItFailed() throws Exception {
        CliProcess.Result done = cli.run("replay", "--bootstrap", broker.bootstrapServers(), "--journey", "7f3a",
                "-o", "yaml");
        assertThat(done.exitCode()).as(done.toString()).isZero();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(done.out())) {
            List<JsonNode> all = docs.readAll();
            assertThat(all).singleElement().satisfies(j -> {
                assertThat(j.path("journeyId").asText()).isEqualTo("7f3a9c-open");
                assertThat(j.path("status").asText()).isEqualTo(JourneyStatus.IN_PROGRESS.name());
            });
        }

        CliProcess.Result failed = cli.run("replay", "--bootstrap", broker.bootstrapServers(), "--journey", "7f3b");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.out()).contains("Journey 7f3b12-failed").contains("FAILED at dns.resolved with DNS_NXDOMAIN");

        CliProcess.Result ambiguous = cli.run("replay", "--bootstrap", broker.bootstrapServers(), "--journey", "7f3");
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(ambiguous.err()).contains("'7f3' is ambiguous").contains("7f3a9c-open").contains("7f3b12-failed");

        CliProcess.Result none = cli.run("replay", "--bootstrap", broker.bootstrapServers(), "--journey", "0000");
        assertThat(none.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(none.err()).contains("no event of journey 0000");
    }
}

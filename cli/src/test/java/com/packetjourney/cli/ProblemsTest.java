package com.packetjourney.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's problem+json as one line naming what the user typed, and the exit code it ends with. */
class ProblemsTest {
    static final CommandLine CLI = PacketJourney.commandLine(new PacketJourney(Path.of("."), Map.of()));

    static CommandSpec command(String... path) {
        CommandLine cmd = CLI;
        for (String name : path) {
            cmd = cmd.getSubcommands().get(name);
        }
        return cmd.getCommandSpec();
    }

    @Test
    void aBadValueNamesTheOptionItCameFrom() {
        // as the laptop answers send --after 2x
        StackClient.HttpProblem p = new StackClient.HttpProblem(400, """
                {"type":"about:blank","title":"Bad Request","status":400,
                 "detail":"'2x' is not a duration: give an ISO-8601 duration such as PT10M, or 10m, 90s, 2h, 1d, 1h30m",
                 "field":"after"}""");

        assertThat(Problems.oneLine(p, command("send"))).isEqualTo("error: --after: '2x' is not a duration: give an "
                + "ISO-8601 duration such as PT10M, or 10m, 90s, 2h, 1d, 1h30m");
        assertThat(Problems.exitCode(p)).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void fieldsAreNamedAsTheUserTypedThem() {
        assertThat(Problems.asTyped("journeyId", command("send"))).isEqualTo("--id");
        assertThat(Problems.asTyped("url", command("send"))).isEqualTo("URL");
        assertThat(Problems.asTyped("failingHop", command("journeys"))).isEqualTo("--failing-hop");
        assertThat(Problems.asTyped("poolStart", command("world", "dhcp", "pool"))).isEqualTo("START");
        assertThat(Problems.asTyped("leaseSeconds", command("world", "dhcp", "pool"))).isEqualTo("--lease");
        assertThat(Problems.asTyped("somethingElse", command("send"))).isEqualTo("somethingElse");
    }

    @Test
    void aRefusalOfTheWorldsStateSaysSoAndEndsWithExitCode1() {
        StackClient.HttpProblem conflict = new StackClient.HttpProblem(409, """
                {"type":"about:blank","title":"Conflict","status":409,
                 "detail":"AS16509 already announces 54.216.0.0/15","field":"prefix"}""");

        assertThat(Problems.oneLine(conflict, command("world", "bgp", "announce")))
                .isEqualTo("error: PREFIX: AS16509 already announces 54.216.0.0/15 (409 Conflict)");
        assertThat(Problems.exitCode(conflict)).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void anAnswerThatIsNoProblemDocumentIsShownShortened() {
        assertThat(Problems.oneLine(new StackClient.HttpProblem(404, "Not Found"), command("show")))
                .isEqualTo("error: the service answered 404: Not Found");
        assertThat(Problems.oneLine(new StackClient.HttpProblem(500, "x".repeat(500) + "\n  at y"), null))
                .hasSizeLessThan(260).doesNotContain("\n");
    }
}

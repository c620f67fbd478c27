package com.packetjourney.cli;

import com.packetjourney.testsupport.CliProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user meets it, each run a process of its own: every command's --help (and nothing else
 * done), misspelled commands and options refused with the closest valid one, unreachable stacks and brokers
 * named within seconds, no Java exception on the terminal unless --verbose.
 */
class CommandLineTest {
    @TempDir
    static Path home;

    static CliProcess cli;

    @BeforeAll
    static void cli() {
        cli = new CliProcess(System.getProperty("java.class.path"), home, Map.of());
    }

    /** Every command and subcommand, as the words that name it: [], [send], [world, bgp, announce], ... */
    static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(PacketJourney.commandLine(new PacketJourney(home, Map.of())), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, paths);
        });
    }

    @Test
    void everyOptionAndParameterOfEveryCommandIsDescribed() {
        List<String> undocumented = new ArrayList<>();
        walk(PacketJourney.commandLine(new PacketJourney(home, Map.of())), undocumented);
        assertThat(commandPaths()).hasSizeGreaterThan(25);
        assertThat(undocumented).isEmpty();
    }

    private static void walk(CommandLine cmd, List<String> undocumented) {
        CommandSpec spec = cmd.getCommandSpec();
        if (spec.usageMessage().description().length == 0) {
            undocumented.add(spec.qualifiedName());
        }
        for (ArgSpec arg : spec.args()) {
            if (!arg.hidden() && (arg.description().length == 0 || arg.description()[0].isBlank())) {
                undocumented.add(spec.qualifiedName() + " " + arg.paramLabel());
            }
        }
        cmd.getSubcommands().values().forEach(sub -> walk(sub, undocumented));
    }

    @Test
    void everyCommandsHelpPrintsItsUsageAndDoesNothingElse() throws Exception {
        List<List<String>> paths = commandPaths();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CliProcess.Result>> runs = new ArrayList<>();
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                runs.add(pool.submit(() -> cli.run(args.toArray(String[]::new))));
            }
            for (int i = 0; i < paths.size(); i++) {
                CliProcess.Result r = runs.get(i).get();
                String name = String.join(" ", paths.get(i));
                assertThat(r.exitCode()).as(name + "\n" + r).isZero();
                // picocli's own help command puts its one-line description first
                assertThat(r.out()).as(name).contains(("Usage: packet-journey " + name).trim() + " [");
                assertThat(r.err()).as(name).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        // no command ran: up, demo and bench would have made .pj/, down would have said so
        try (var files = Files.list(home)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void benchHelpDescribesTheBenchmarkWithoutRunningIt() {
        CliProcess.Result r = cli.run("bench", "--help");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("--quick").contains("journeys/s");
    }

    @Test
    void aMisspelledOptionIsAUsageErrorNamingTheClosestOne() {
        CliProcess.Result r = cli.run("send", "--aftr", "2m");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("unknown option '--aftr'").contains("did you mean '--after'?")
                .contains("./packet-journey send --help");
        assertThat(r.out()).isEmpty();

        assertThat(cli.run("replay", "--jurney", "x").err()).contains("did you mean '--journey'?");
        assertThat(cli.run("up", "--scenaro", "x").err()).contains("did you mean '--scenario'?");
    }

    @Test
    void aMisspelledCommandIsAUsageErrorNamingTheClosestOne() {
        CliProcess.Result r = cli.run("jurneys");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("unknown command 'jurneys'").contains("did you mean 'journeys'?");

        CliProcess.Result sub = cli.run("world", "bgp", "anounce", "2914", "54.217.40.0/24");
        assertThat(sub.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(sub.err()).contains("did you mean 'announce'?");
    }

    @Test
    void malformedValuesAreUsageErrorsOnOneLineNamingTheOption() {
        CliProcess.Result limit = cli.run("journeys", "--limit", "abc");
        assertThat(limit.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(limit.err().lines().findFirst()).hasValue("error: --limit: 'abc' is not a whole number");

        CliProcess.Result both = cli.run("send", "--at", "2026-01-01T10:00:00Z", "--after", "2m");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).contains("--at").contains("--after").contains("mutually exclusive");

        CliProcess.Result at = cli.run("redrive", "abc", "--at", "tomorrow");
        assertThat(at.err().lines().findFirst())
                .hasValue("error: --at: 'tomorrow' is not an ISO-8601 instant such as 2026-01-01T10:00:00Z");

        assertThat(cli.run().exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("world").err()).contains("needs one of: bgp, clients, dhcp, dns, k8s");
    }

    @Test
    void aStackThatDoesNotAnswerIsNamedWithWhatToDoAndExitCode3() throws IOException {
        int closed = closedPort();
        Path stackFile = home.getParent().resolve("closed-" + closed + ".stack.json");
        StringBuilder services = new StringBuilder();
        for (String s : Stack.SERVICES) {
            services.append(services.length() == 0 ? "" : ",").append("{\"name\":\"").append(s)
                    .append("\",\"url\":\"http://127.0.0.1:").append(closed).append("\"}");
        }
        Files.writeString(stackFile, "{\"bootstrapServers\":\"127.0.0.1:" + closed + "\",\"services\":[" + services + "]}");

        CliProcess.Result r = cli.run(Duration.ofSeconds(30), "journeys", "--stack", stackFile.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(r.err()).contains("cannot reach journey-log at http://127.0.0.1:" + closed)
                .contains("./packet-journey up").doesNotContain("Exception").doesNotContain("\tat ");

        CliProcess.Result env = cli.withEnv(Map.of("PJ_PORT_BASE", String.valueOf(closed - 9))).run("show", "abc");
        assertThat(env.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(env.err()).contains("cannot reach journey-log at http://localhost:" + closed);
    }

    @Test
    void anUnreachableBrokerIsNamedWithinSecondsWithoutAStackTrace() {
        // the Kafka client alone would retry for 15 s and end in a TimeoutException's stack trace
        CliProcess.Result r = cli.run(Duration.ofSeconds(12), "replay", "--bootstrap", "localhost:1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(r.err()).startsWith("error: cannot reach the Kafka broker at localhost:1")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();

        CliProcess.Result verbose = cli.run(Duration.ofSeconds(12), "replay", "--bootstrap", "localhost:1",
                "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(verbose.err()).contains("\tat com.packetjourney.cli.");
    }

    @Test
    void completionIsAScriptForTheShell() {
        CliProcess.Result r = cli.run("completion");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete -F").contains("packet-journey").contains("journeys")
                .contains("--watch").contains("redrive");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

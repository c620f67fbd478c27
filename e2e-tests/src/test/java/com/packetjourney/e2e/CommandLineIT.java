package com.packetjourney.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.cli.ScenarioLoader;
import com.packetjourney.cli.Stack;
import com.packetjourney.cli.StackClient;
import com.packetjourney.cli.StackState;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.testsupport.CliProcess;
import com.packetjourney.testsupport.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged CLI as a user runs it, against a stack of packaged services: exit codes of completed and failed
 * journeys, journeys named by a unique prefix, -o json parsed back, the services' problem answers on one line,
 * journeys --watch, and the stack found from a stack file or from the environment alone.
 */
class CommandLineIT {
    static final Path HOME = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
    static final String URL = "https://packet-journey.com/";
    static final String UNKNOWN_HOST_URL = "https://no-such-host.packet-journey.com/";

    static Stack stack;
    static StackState state;
    static Path stackFile;
    static CliProcess cli;
    static String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startStack() {
        Scenario scenario = ScenarioLoader.read(HOME.resolve("scenarios/eks-nginx.yaml"));
        Path dir = Path.of("target/cli-stack").toAbsolutePath();
        stack = new Stack(HOME, dir, System.out::println);
        state = stack.up(scenario, "scenarios/eks-nginx.yaml", E2e.freePortBase(), 0, SharedKafka.bootstrapServers(),
                Duration.ofSeconds(240));
        StackClient client = new StackClient(state);
        E2e.await(() -> client.healthyTargets(scenario.loadBalancers().get(0).name())
                >= ScenarioLoader.expectedReplicas(scenario), Duration.ofSeconds(90));
        stackFile = stack.stateFile(); // the file `up` writes, here as any stack file
        cli = CliProcess.packaged(HOME, Map.of("PJ_STACK", stackFile.toString()));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aCompletedJourneyEndsWith0AFailedOneWith1AndBothAreFoundByPrefix() {
        CliProcess.Result completed = cli.run("send", "--id", "cli-ok-" + run);
        assertThat(completed.exitCode()).as(completed.toString()).isZero();
        assertThat(completed.out()).contains("COMPLETED: HTTP 200 from nginx");

        CliProcess.Result failed = cli.run("send", UNKNOWN_HOST_URL, "--id", "cli-nx-" + run);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED at dns.resolved with DNS_NXDOMAIN");
        assertThat(failed.err()).isEmpty();

        CliProcess.Result showFailed = cli.run("show", "cli-nx-" + run.substring(0, 4));
        assertThat(showFailed.exitCode()).as(showFailed.toString()).isEqualTo(1);
        assertThat(showFailed.out()).contains("Journey cli-nx-" + run);

        CliProcess.Result json = cli.run("show", "cli-ok-" + run.substring(0, 5), "-o", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JourneyView view = Json.read(json.out(), JourneyView.class);
        assertThat(view.journeyId()).isEqualTo("cli-ok-" + run);
        assertThat(view.status()).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(view.hops()).hasSize(6);

        CliProcess.Result ambiguous = cli.run("show", "cli-");
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("is ambiguous");
    }

    @Test
    void journeysAsJsonParseBackAndTheTableHasAHeader() {
        String id = "cli-list-" + run;
        assertThat(cli.run("send", "--id", id).exitCode()).isZero();

        CliProcess.Result json = cli.run("journeys", "--limit", "50", "-o", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        List<String> ids = new ArrayList<>();
        Json.read(json.out(), JsonNode.class).forEach(j -> ids.add(j.path("journeyId").asText()));
        assertThat(ids).contains(id);

        CliProcess.Result table = cli.run("journeys", "--status", "completed", "--limit", "50");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("JOURNEY").contains("STATUS", "URL");
        assertThat(table.out()).contains(id);
    }

    @Test
    void aServicesProblemAnswerIsOneLineNamingTheOption() {
        CliProcess.Result after = cli.run("send", "--after", "2x");
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(2);
        assertThat(after.err()).isEqualTo("error: --after: '2x' is not a duration: give an ISO-8601 duration such as "
                + "PT10M, or 10m, 90s, 2h, 1d, 1h30m\n");

        CliProcess.Result limit = cli.run("journeys", "--limit", "5000");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).isEqualTo("error: --limit: must be a whole number from 1 to 1000\n");

        CliProcess.Result withdraw = cli.run("world", "bgp", "withdraw", "16509", "192.0.2.0/24");
        assertThat(withdraw.exitCode()).as(withdraw.toString()).isEqualTo(1);
        assertThat(withdraw.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: PREFIX: AS16509 does not announce 192.0.2.0/24").endsWith("(404 Not Found)"));
    }

    @Test
    void theStackIsFoundFromTheEnvironmentAloneAsTheComposeStackIs() {
        int base = state.portOf("laptop") - 1;
        CliProcess fromEnv = CliProcess.packaged(HOME, Map.of("PJ_PORT_BASE", String.valueOf(base),
                "PJ_KAFKA_PORT", state.bootstrapServers().substring(state.bootstrapServers().lastIndexOf(':') + 1)));

        CliProcess.Result r = fromEnv.run("journeys", "--limit", "1", "-o", "yaml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("- journeyId: ");
    }

    @Test
    void watchPrintsEachJourneyAsItStartsAndEnds() throws Exception {
        String id = "cli-watch-" + run;
        Process watch = cli.start("journeys", "--watch", "--limit", "1");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(),
                StandardCharsets.UTF_8))) {
            // the header is printed once the stream is subscribed: nothing sent from here on is missed
            assertThat(out.readLine()).startsWith("JOURNEY");
            CompletableFuture<CliProcess.Result> send = CompletableFuture.supplyAsync(() -> cli.run("send", "--id", id));
            List<String> lines = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (lines.stream().noneMatch(l -> l.startsWith(id) && l.contains("COMPLETED"))
                    && System.nanoTime() < deadline) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
            }
            assertThat(lines).filteredOn(l -> l.startsWith(id)).extracting(l -> l.split("\\s+")[1])
                    .containsExactly("IN_PROGRESS", "COMPLETED");
            assertThat(send.get(60, TimeUnit.SECONDS).exitCode()).isZero();
        } finally {
            watch.descendants().forEach(ProcessHandle::destroy);
            watch.destroy();
            watch.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyServiceIsReadyOnlyWithItsWorldRead() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (StackState.ServiceEntry s : state.services()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/q/health/ready"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode health = Json.read(r.body(), JsonNode.class);
            List<JsonNode> worldRead = new ArrayList<>();
            health.path("checks").forEach(c -> {
                if (c.path("name").asText().equals("world read")) {
                    worldRead.add(c);
                }
            });
            assertThat(worldRead).as(s.name() + ": " + r.body()).singleElement().satisfies(c -> {
                assertThat(c.path("status").asText()).isEqualTo("UP");
                assertThat(c.path("data").size()).as("the readers it waited for").isPositive();
            });
        }
    }
}

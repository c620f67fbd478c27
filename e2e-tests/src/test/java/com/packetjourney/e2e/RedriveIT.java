package com.packetjourney.e2e;

import com.packetjourney.cli.JourneyDiff;
import com.packetjourney.cli.Redrive;
import com.packetjourney.cli.Replay;
import com.packetjourney.cli.ScenarioLoader;
import com.packetjourney.cli.Stack;
import com.packetjourney.cli.StackClient;
import com.packetjourney.cli.StackState;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.testsupport.CliProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay and re-drive against a stack of their own on a fresh broker of their own, since re-driving after scaling
 * nginx to zero changes the world: the replay rebuilds from the topics exactly what journey-log shows, the same
 * bytes every time; the re-drive of a journey that reached nginx fails at the ALB once no target is left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedriveIT {
    private static final String URL = "https://packet-journey.com/";

    static Stack stack;
    static StackState state;
    static StackClient client;
    static LoadBalancer alb;
    static JourneyView recorded;

    @BeforeAll
    static void startAStackWithItsOwnBroker() {
        Path home = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
        Scenario scenario = ScenarioLoader.read(home.resolve("scenarios/eks-nginx.yaml"));
        alb = scenario.loadBalancers().get(0);
        stack = new Stack(home, Path.of("target/redrive-stack-" + ProcessHandle.current().pid()).toAbsolutePath(),
                System.out::println);
        state = stack.up(scenario, "scenarios/eks-nginx.yaml", E2e.freePortBase(), E2e.freePort(), null,
                Duration.ofSeconds(240));
        client = new StackClient(state);
        E2e.await(() -> client.healthyTargets(alb.name()) >= ScenarioLoader.expectedReplicas(scenario),
                Duration.ofSeconds(90));
        String id = client.send(URL, null, null, "recorded-" + UUID.randomUUID());
        recorded = client.awaitEnd(id, Duration.ofSeconds(60)).orElseThrow();
        assertThat(recorded.status()).isEqualTo(JourneyStatus.COMPLETED);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    private static Replay.Result replay(String journeyId) {
        return Replay.run(new Replay.Options(state.bootstrapServers(), null, journeyId));
    }

    @Test
    @Order(1)
    void aReplayRebuildsWhatJourneyLogShowsTheSameWayEachTime() {
        Replay.Result first = replay(null);
        Replay.Result second = replay(null);

        assertThat(Replay.table(second)).isEqualTo(Replay.table(first));
        assertThat(Replay.jsonLines(second)).isEqualTo(Replay.jsonLines(first));
        assertThat(first.journeys()).filteredOn(j -> j.journeyId().equals(recorded.journeyId()))
                .singleElement().satisfies(j -> {
                    assertThat(j.hops()).isEqualTo(recorded.hops());
                    assertThat(j.status()).isEqualTo(JourneyStatus.COMPLETED);
                });
        assertThat(replay(recorded.journeyId()).journeys()).singleElement()
                .extracting(JourneyView::journeyId).isEqualTo(recorded.journeyId());
    }

    @Test
    @Order(2)
    void aRedriveInTheSameWorldReachesNginxAgain() {
        Redrive.Result result = Redrive.run(client, recorded.journeyId(), null);

        assertThat(result.redriven().journeyId()).isNotEqualTo(recorded.journeyId());
        assertThat(result.redriven().status()).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(result.redriven().simStartedAt()).isEqualTo(recorded.simStartedAt());
        assertThat(result.hops()).noneMatch(JourneyDiff.HopDiff::newFailure);

        CliProcess.Result cli = cli().run("redrive", recorded.journeyId().substring(0, 17));
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("re-drive of " + recorded.journeyId());
    }

    @Test
    @Order(3)
    void afterScalingNginxToZeroTheRedriveFailsAtTheAlb() {
        client.scaleDeployment("default", "nginx", 0);
        E2e.await(() -> client.healthyTargets(alb.name()) == 0, Duration.ofSeconds(90));

        Redrive.Result result = Redrive.run(client, recorded.journeyId(), null);

        JourneyView redriven = result.redriven();
        assertThat(redriven.status()).isEqualTo(JourneyStatus.FAILED);
        assertThat(redriven.failedHop()).isEqualTo(HopType.ALB_FORWARDED.wireName());
        assertThat(redriven.failureCode()).isEqualTo(FailureCode.ALB_NO_HEALTHY_TARGET);
        JourneyDiff.HopDiff albHop = result.hops().get(HopType.ALB_FORWARDED.ordinal());
        assertThat(albHop.newFailure()).isTrue();
        assertThat(albHop.changed()).contains("outcome");
        assertThat(result.hops().get(HopType.POD_RESPONDED.ordinal()).redriven())
                .containsEntry("outcome", "not reached");
        assertThat(result.hops().subList(0, HopType.ALB_FORWARDED.ordinal()))
                .noneMatch(JourneyDiff.HopDiff::newFailure);

        String table = Redrive.render(result);
        System.out.println(table);
        assertThat(table).contains("! alb.forwarded").contains("FAILED ALB_NO_HEALTHY_TARGET")
                .contains(FailureCode.ALB_NO_HEALTHY_TARGET.explanation())
                .contains("alb.forwarded (new failure)");

        // the CLI says so with its exit code: the re-driven journey fails where the recorded one did not
        CliProcess.Result cli = cli().run("redrive", recorded.journeyId());
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
        assertThat(cli.out()).contains("! alb.forwarded");
    }

    /** The packaged CLI, pointed at this test's stack by its state file. */
    private static CliProcess cli() {
        return CliProcess.packaged(Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize(),
                Map.of("PJ_STACK", stack.stateFile().toString()));
    }
}

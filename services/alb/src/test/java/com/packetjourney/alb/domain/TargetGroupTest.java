package com.packetjourney.alb.domain;

import com.packetjourney.contracts.hop.AlbForwarded.TargetLoad;
import com.packetjourney.contracts.k8s.TargetRegistration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.packetjourney.alb.domain.LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS;
import static com.packetjourney.alb.domain.LoadBalancingAlgorithm.ROUND_ROBIN;
import static org.assertj.core.api.Assertions.assertThat;

class TargetGroupTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final Duration DELAY = Duration.ofSeconds(300);

    private int journeys;

    private static TargetGroup group(String... ips) {
        TargetGroup group = new TargetGroup("tg");
        for (String ip : ips) {
            group.register(healthy(ip), DELAY, T0);
        }
        return group;
    }

    private static TargetRegistration healthy(String ip) {
        return new TargetRegistration("tg", ip, 80, "pod-" + ip, TargetRegistration.HEALTHY, "e-" + ip);
    }

    private static TargetRegistration draining(String ip) {
        return new TargetRegistration("tg", ip, 80, "pod-" + ip, TargetRegistration.DRAINING, "d-" + ip);
    }

    /** Picks for a new journey forwarded at {@code at}; returns the journey id and the chosen address. */
    private String[] pick(TargetGroup group, LoadBalancingAlgorithm algorithm, Instant at) {
        String journey = "j" + ++journeys;
        return new String[]{journey, group.pick(algorithm, journey, at).orElseThrow().target().ip()};
    }

    @Test
    void leastOutstandingRequestsPicksTheLeastLoadedTarget() {
        TargetGroup group = group("10.0.1.10", "10.0.1.11", "10.0.1.12");
        pick(group, LEAST_OUTSTANDING_REQUESTS, T0);
        String[] second = pick(group, LEAST_OUTSTANDING_REQUESTS, T0);
        pick(group, LEAST_OUTSTANDING_REQUESTS, T0);
        assertThat(second[1]).isEqualTo("10.0.1.11");
        group.respond(second[0], T0.plusMillis(1));

        TargetGroup.Pick next = group.pick(LEAST_OUTSTANDING_REQUESTS, "j-next", T0).orElseThrow();

        assertThat(next.target().ip()).isEqualTo("10.0.1.11");
        assertThat(next.candidates()).containsExactly(new TargetLoad("10.0.1.10", 80, 1),
                new TargetLoad("10.0.1.11", 80, 0), new TargetLoad("10.0.1.12", 80, 1));
        assertThat(group.outstanding("10.0.1.11", 80, T0)).isEqualTo(1);
    }

    @Test
    void tiesGoToTheNextTargetInRotationSoEqualLoadsSpread() {
        TargetGroup group = group("10.0.1.10", "10.0.1.9", "10.0.33.5");
        // each response comes back before the next request: all loads stay equal
        for (String expected : new String[]{"10.0.1.9", "10.0.1.10", "10.0.33.5", "10.0.1.9"}) {
            String[] picked = pick(group, LEAST_OUTSTANDING_REQUESTS, T0);
            assertThat(picked[1]).isEqualTo(expected);
            group.respond(picked[0], T0.plusMillis(1));
        }
    }

    @Test
    void aRequestIsOutstandingUntilItsResponsesSimulatedInstant() {
        TargetGroup group = group("10.0.1.10", "10.0.1.11");
        String[] slow = pick(group, LEAST_OUTSTANDING_REQUESTS, T0);
        assertThat(slow[1]).isEqualTo("10.0.1.10");
        // the pod took 5 s to answer: its response is back, but in simulated time it was outstanding until T0 + 5 s
        group.respond(slow[0], T0.plusSeconds(5));
        for (int second = 1; second <= 4; second++) {
            TargetGroup.Pick pick = group.pick(LEAST_OUTSTANDING_REQUESTS, "k" + second, T0.plusSeconds(second))
                    .orElseThrow();
            assertThat(pick.target().ip()).as("at +%d s", second).isEqualTo("10.0.1.11");
            assertThat(pick.candidates()).containsExactly(new TargetLoad("10.0.1.10", 80, 1),
                    new TargetLoad("10.0.1.11", 80, 0));
            group.respond("k" + second, T0.plusSeconds(second).plusMillis(1));
        }
        assertThat(group.outstanding("10.0.1.10", 80, T0.plusSeconds(6))).isZero();
        group.advance(T0.plusSeconds(6));
        assertThat(group.pick(LEAST_OUTSTANDING_REQUESTS, "later", T0.plusSeconds(6)).orElseThrow().candidates())
                .extracting(TargetLoad::outstandingRequests).containsExactly(0, 0);
    }

    @Test
    void roundRobinIgnoresLoad() {
        TargetGroup group = group("10.0.1.10", "10.0.1.11");
        assertThat(pick(group, ROUND_ROBIN, T0)[1]).isEqualTo("10.0.1.10");
        assertThat(pick(group, ROUND_ROBIN, T0)[1]).isEqualTo("10.0.1.11");
        assertThat(pick(group, ROUND_ROBIN, T0)[1]).as("despite its outstanding request").isEqualTo("10.0.1.10");
    }

    @Test
    void onlyHealthyTargetsAreCandidatesAndNoneMeansNoPick() {
        TargetGroup group = group("10.0.1.10");
        group.register(draining("10.0.1.11"), DELAY, T0);
        assertThat(group.pick(ROUND_ROBIN, "j", T0).orElseThrow().candidates()).extracting(TargetLoad::ip)
                .containsExactly("10.0.1.10");
        group.deregister("10.0.1.10", 80);
        assertThat(group.pick(LEAST_OUTSTANDING_REQUESTS, "k", T0)).isEmpty();
        assertThat(group.outstanding("10.0.1.10", 80, T0)).isZero();
        assertThat(group.targets()).extracting(TargetRegistration::ip).containsExactly("10.0.1.11");
    }

    @Test
    void aDrainingTargetIsGoneOnceItsDeregistrationDelayHasPassedInSimulatedTime() {
        TargetGroup group = group("10.0.1.10", "10.0.1.11");
        group.register(draining("10.0.1.10"), DELAY, T0.plusSeconds(10));
        assertThat(group.drainingUntil("10.0.1.10", 80)).contains(T0.plusSeconds(310));
        assertThat(group.drainingUntil("10.0.1.11", 80)).isEmpty();
        // a repeated deregistration does not restart the delay
        group.register(draining("10.0.1.10"), DELAY, T0.plusSeconds(100));
        assertThat(group.drainingUntil("10.0.1.10", 80)).contains(T0.plusSeconds(310));

        group.advance(T0.plusSeconds(309));
        assertThat(group.targets()).hasSize(2);
        assertThat(group.drainingCount()).isEqualTo(1);
        group.advance(T0.plusSeconds(310));
        assertThat(group.targets()).extracting(TargetRegistration::ip).containsExactly("10.0.1.11");
        assertThat(group.drainingCount()).isZero();
    }

    @Test
    void aDeregistrationBeforeAnyJourneyDrainsFromTheFirstInstantKnown() {
        TargetGroup group = new TargetGroup("tg");
        group.register(draining("10.0.1.10"), Duration.ofSeconds(30), null);
        assertThat(group.drainingUntil("10.0.1.10", 80)).isEmpty();
        group.advance(T0);
        assertThat(group.drainingUntil("10.0.1.10", 80)).contains(T0.plusSeconds(30));
        // registered again (the address went to a new pod): healthy, no longer draining
        group.register(healthy("10.0.1.10"), Duration.ofSeconds(30), T0);
        group.advance(T0.plusSeconds(60));
        assertThat(group.targets()).extracting(TargetRegistration::state).containsExactly(TargetRegistration.HEALTHY);
    }

    @Test
    void theAttributeDefaultsToRoundRobinAsOnAws() {
        assertThat(LoadBalancingAlgorithm.fromAttribute(null)).isEqualTo(ROUND_ROBIN);
        assertThat(LoadBalancingAlgorithm.fromAttribute("least_outstanding_requests"))
                .isEqualTo(LEAST_OUTSTANDING_REQUESTS);
    }
}

package com.packetjourney.alb.domain;

import com.packetjourney.contracts.hop.AlbForwarded.TargetLoad;
import com.packetjourney.contracts.k8s.TargetRegistration;
import org.junit.jupiter.api.Test;

import static com.packetjourney.alb.domain.LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS;
import static com.packetjourney.alb.domain.LoadBalancingAlgorithm.ROUND_ROBIN;
import static org.assertj.core.api.Assertions.assertThat;

class TargetGroupTest {

    private static TargetGroup group(String... ips) {
        TargetGroup group = new TargetGroup("tg");
        for (String ip : ips) {
            group.register(new TargetRegistration("tg", ip, 80, "pod-" + ip, TargetRegistration.HEALTHY, "e-" + ip));
        }
        return group;
    }

    private static String pick(TargetGroup group, LoadBalancingAlgorithm algorithm) {
        return group.pick(algorithm).orElseThrow().target().ip();
    }

    @Test
    void leastOutstandingRequestsPicksTheLeastLoadedTarget() {
        TargetGroup group = group("10.0.1.10", "10.0.1.11", "10.0.1.12");
        pick(group, LEAST_OUTSTANDING_REQUESTS);
        pick(group, LEAST_OUTSTANDING_REQUESTS);
        pick(group, LEAST_OUTSTANDING_REQUESTS);
        group.release("10.0.1.11", 80);

        TargetGroup.Pick next = group.pick(LEAST_OUTSTANDING_REQUESTS).orElseThrow();

        assertThat(next.target().ip()).isEqualTo("10.0.1.11");
        assertThat(next.candidates()).containsExactly(new TargetLoad("10.0.1.10", 80, 1),
                new TargetLoad("10.0.1.11", 80, 0), new TargetLoad("10.0.1.12", 80, 1));
        assertThat(group.outstanding("10.0.1.11", 80)).isEqualTo(1);
    }

    @Test
    void tiesGoToTheNextTargetInRotationSoEqualLoadsSpread() {
        TargetGroup group = group("10.0.1.10", "10.0.1.9", "10.0.33.5");
        // each response comes back before the next request: all loads stay equal
        for (String expected : new String[]{"10.0.1.9", "10.0.1.10", "10.0.33.5", "10.0.1.9"}) {
            String ip = pick(group, LEAST_OUTSTANDING_REQUESTS);
            assertThat(ip).isEqualTo(expected);
            group.release(ip, 80);
        }
    }

    @Test
    void roundRobinIgnoresLoad() {
        TargetGroup group = group("10.0.1.10", "10.0.1.11");
        assertThat(pick(group, ROUND_ROBIN)).isEqualTo("10.0.1.10");
        assertThat(pick(group, ROUND_ROBIN)).isEqualTo("10.0.1.11");
        assertThat(pick(group, ROUND_ROBIN)).as("despite its outstanding request").isEqualTo("10.0.1.10");
    }

    @Test
    void onlyHealthyTargetsAreCandidatesAndNoneMeansNoPick() {
        TargetGroup group = group("10.0.1.10");
        group.register(new TargetRegistration("tg", "10.0.1.11", 80, "p", TargetRegistration.DRAINING, "e"));
        assertThat(group.pick(ROUND_ROBIN).orElseThrow().candidates()).extracting(TargetLoad::ip)
                .containsExactly("10.0.1.10");
        group.deregister("10.0.1.10", 80);
        assertThat(group.pick(LEAST_OUTSTANDING_REQUESTS)).isEmpty();
        assertThat(group.outstanding("10.0.1.10", 80)).isZero();
        assertThat(group.targets()).extracting(TargetRegistration::ip).containsExactly("10.0.1.11");
    }

    @Test
    void theAttributeDefaultsToRoundRobinAsOnAws() {
        assertThat(LoadBalancingAlgorithm.fromAttribute(null)).isEqualTo(ROUND_ROBIN);
        assertThat(LoadBalancingAlgorithm.fromAttribute("least_outstanding_requests"))
                .isEqualTo(LEAST_OUTSTANDING_REQUESTS);
    }
}

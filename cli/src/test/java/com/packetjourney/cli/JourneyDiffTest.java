package com.packetjourney.cli;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.JourneyFold;
import com.packetjourney.contracts.journey.JourneyView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyDiffTest {
    private static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");

    private static JourneyView view(List<HopEvent> hops) {
        return JourneyFold.of(hops).views(Instant.EPOCH, Duration.ofSeconds(30)).get(0);
    }

    @Test
    void theSameJourneyTwiceDiffersNowhere() {
        JourneyView a = view(ReplayTest.journey("a", EPOCH, false));
        JourneyView b = view(ReplayTest.journey("b", EPOCH, false));
        assertThat(JourneyDiff.compare(a, b)).noneMatch(JourneyDiff.HopDiff::isChanged);
    }

    @Test
    void aNewFailureIsMarkedWhereItHappened() {
        JourneyView recorded = view(ReplayTest.journey("a", EPOCH, false));
        JourneyView redriven = view(ReplayTest.journey("b", EPOCH, true));

        List<JourneyDiff.HopDiff> diffs = JourneyDiff.compare(recorded, redriven);
        JourneyDiff.HopDiff dns = diffs.get(HopType.DNS_RESOLVED.ordinal());
        assertThat(dns.newFailure()).isTrue();
        assertThat(dns.changed()).contains(JourneyDiff.OUTCOME, "address", "message");
        assertThat(dns.redriven().get(JourneyDiff.OUTCOME)).isEqualTo("FAILED " + FailureCode.DNS_NXDOMAIN);
        assertThat(diffs.get(HopType.DHCP_CONFIGURED.ordinal()).isChanged()).isFalse();
        assertThat(diffs.get(HopType.ALB_FORWARDED.ordinal()).recorded()).containsEntry(JourneyDiff.OUTCOME,
                JourneyDiff.NOT_REACHED);

        String table = Redrive.render(new Redrive.Result(recorded, redriven, diffs));
        assertThat(table).contains("! dns.resolved").contains("FAILED DNS_NXDOMAIN")
                .contains("changed   dns.resolved (new failure)");
    }
}

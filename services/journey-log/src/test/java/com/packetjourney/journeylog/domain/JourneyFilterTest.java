package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.JourneyFold;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JourneyFilterTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");

    private static JourneyView view(boolean failed) {
        JourneyFold fold = JourneyFold.of(failed ? JourneyFixtures.failedAtDns("j", WALL)
                : JourneyFixtures.completed("j", WALL));
        return fold.views(WALL, Duration.ofSeconds(30)).get(0);
    }

    private static JourneyFilter filter(String client, String domain, Instant from, Instant to) {
        return new JourneyFilter(null, null, null, client, domain, from, to);
    }

    @Test
    void everyCriterionLeftOutMatchesAll() {
        assertThat(JourneyFilter.ALL.matches(view(true))).isTrue();
        assertThat(JourneyFilter.ALL.matches(view(false))).isTrue();
    }

    @Test
    void outcomeFailingHopAndCode() {
        assertThat(JourneyFilter.status(JourneyStatus.FAILED).matches(view(true))).isTrue();
        assertThat(JourneyFilter.status(JourneyStatus.FAILED).matches(view(false))).isFalse();
        assertThat(new JourneyFilter(null, HopType.DNS_RESOLVED, null, null, null, null, null).matches(view(true))).isTrue();
        assertThat(new JourneyFilter(null, HopType.ALB_FORWARDED, null, null, null, null, null).matches(view(true))).isFalse();
        assertThat(new JourneyFilter(null, null, FailureCode.DNS_NXDOMAIN, null, null, null, null).matches(view(true))).isTrue();
        assertThat(new JourneyFilter(null, null, FailureCode.DNS_SERVFAIL, null, null, null, null).matches(view(true))).isFalse();
    }

    @Test
    void aDomainMatchesItsHostAndSubdomainsButNotLookalikes() {
        assertThat(filter(null, "packet-journey.com", null, null).matches(view(false))).isTrue();
        assertThat(filter(null, "Packet-Journey.COM.", null, null).matches(view(false))).isTrue();
        assertThat(filter(null, "com", null, null).matches(view(false))).isTrue();
        assertThat(filter(null, "journey.com", null, null).matches(view(false))).isFalse();
        assertThat(filter(null, "example.org", null, null).matches(view(false))).isFalse();
    }

    @Test
    void clientAndSimulatedTimeRangeFromInclusiveToExclusive() {
        Instant start = JourneyFixtures.EPOCH;
        assertThat(filter("laptop", null, null, null).matches(view(false))).isTrue();
        assertThat(filter("phone", null, null, null).matches(view(false))).isFalse();
        assertThat(filter(null, null, start, start.plusSeconds(1)).matches(view(false))).isTrue();
        assertThat(filter(null, null, start.minusSeconds(1), start).matches(view(false))).isFalse();
        assertThat(filter(null, null, start.plusNanos(1), null).matches(view(false))).isFalse();
    }

    @Test
    void anEmptyTimeRangeIsRejected() {
        assertThatThrownBy(() -> filter(null, null, WALL, WALL)).isInstanceOf(IllegalArgumentException.class);
    }
}

package com.packetjourney.metrics;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.JourneyRequested;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HopMetricsTest {
    static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<HopEvent> emitted = new ArrayList<>();
    final HopMetrics dns = new HopMetrics(registry, HopType.DNS_RESOLVED, emitted::add);

    @Test
    void anOkEventIsCountedTimedAndItsSimulatedLatencyRecorded() {
        HopEvent out = dns.record(Json.write(requested()), in -> resolved(in, 48_000, Outcome.ok()));

        assertThat(out.hopType()).isEqualTo(HopType.DNS_RESOLVED);
        assertThat(events("ok", "none")).isEqualTo(1);
        assertThat(timer("pj.hop.processing").count()).isEqualTo(1);
        assertThat(timer("pj.hop.simulated.latency").totalTime(TimeUnit.MICROSECONDS)).isEqualTo(48_000);
        assertThat(emitted).containsExactly(out);
    }

    @Test
    void aFailedEventIsCountedWithItsCode() {
        dns.record(Json.write(requested()), in -> resolved(in, 30_000,
                Outcome.failed(FailureCode.DNS_NXDOMAIN, "no such name")));

        assertThat(events("failed", "DNS_NXDOMAIN")).isEqualTo(1);
        assertThat(events("ok", "none")).isZero();
    }

    @Test
    void aJourneyThatFailedUpstreamIsSkippedWithoutSimulatedLatency() {
        HopEvent out = dns.record(Json.write(requested()), in -> null);

        assertThat(out).isNull();
        assertThat(events("skipped", "none")).isEqualTo(1);
        assertThat(timer("pj.hop.processing").count()).isEqualTo(1);
        assertThat(timer("pj.hop.simulated.latency").count()).isZero();
        assertThat(emitted).isEmpty();
    }

    @Test
    void anUnreadableRecordIsCountedAndStillThrown() {
        assertThatThrownBy(() -> dns.record("{not json", in -> in)).isInstanceOf(UnreadableEventException.class);

        assertThat(events("unreadable", "none")).isEqualTo(1);
    }

    @Test
    void anErrorOfTheHopIsCountedAndStillThrown() {
        assertThatThrownBy(() -> dns.record(Json.write(requested()), in -> {
            throw new IllegalStateException("world not read");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(events("error", "none")).isEqualTo(1);
    }

    @Test
    void theFirstHopCountsJourneysStarted() {
        HopMetrics laptop = new HopMetrics(registry, HopType.JOURNEY_REQUESTED);
        assertThat(registry.get("pj.journeys.started").counter().count()).isZero();

        laptop.started(requested(), System.nanoTime());

        assertThat(registry.get("pj.journeys.started").tag(Labels.SERVICE, "laptop").counter().count()).isEqualTo(1);
        assertThat(registry.get("pj.hop.events").tag(Labels.HOP, "journey.requested").tag(Labels.OUTCOME, "ok")
                .counter().count()).isEqualTo(1);
        assertThatThrownBy(() -> dns.started(requested(), System.nanoTime())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everySeriesCarriesTheSameLabelNames() {
        dns.record(Json.write(requested()), in -> resolved(in, 1, Outcome.ok()));
        dns.record(Json.write(requested()), in -> null);

        assertThat(registry.get("pj.hop.events").counters()).allSatisfy(c -> assertThat(c.getId().getTags())
                .extracting(t -> t.getKey()).containsExactlyInAnyOrder("service", "hop", "outcome", "code"));
        assertThat(registry.get("pj.hop.events").counters()).allSatisfy(c -> {
            assertThat(c.getId().getTag("service")).isEqualTo("dns-resolver");
            assertThat(c.getId().getTag("hop")).isEqualTo("dns.resolved");
        });
    }

    private double events(String outcome, String code) {
        var counter = registry.find("pj.hop.events").tag(Labels.OUTCOME, outcome).tag(Labels.CODE, code).counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer timer(String name) {
        return registry.get(name).tag(Labels.HOP, "dns.resolved").timer();
    }

    private static HopEvent requested() {
        return HopEvent.first("j-1", AT, 0, AT, Outcome.ok(),
                JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com", 443, "/",
                        "laptop", "3c:22:fb:00:00:01"),
                new JourneyRequested("https://packet-journey.com/", "GET", "laptop", "3c:22:fb:00:00:01"));
    }

    private static HopEvent resolved(HopEvent in, long micros, Outcome outcome) {
        return in.next(micros, AT, outcome, in.context(), new DnsResolved("packet-journey.com. IN A", "resolver",
                List.of(), List.of(), List.of(), null, null));
    }
}

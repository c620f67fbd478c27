package com.packetjourney.hop;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.metrics.HopMetrics;
import com.packetjourney.metrics.Labels;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every hop service does with an input record: read it as the previous hop, compute, measure, write. */
class HopProcessorTest {
    static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<HopEvent> emitted = new ArrayList<>();

    HopProcessor dns(UnaryOperator<HopEvent> compute) {
        return HopProcessor.of(HopType.DNS_RESOLVED, registry, compute).observedBy(emitted::add);
    }

    @Test
    void anOkEventIsComputedKeyedByJourneyCountedTimedAndItsSimulatedLatencyRecorded() {
        Record<String, byte[]> out = dns(in -> resolved(in, 48_000, Outcome.ok())).process(bytes(configured()));

        HopEvent event = Json.read(out.value(), HopEvent.class);
        assertThat(out.key()).isEqualTo("j-1");
        assertThat(event.hopType()).isEqualTo(HopType.DNS_RESOLVED);
        assertThat(event.causationId()).isEqualTo(configured().eventId());
        assertThat(events("ok", "none")).isEqualTo(1);
        assertThat(timer("pj.hop.processing").count()).isEqualTo(1);
        assertThat(timer("pj.hop.simulated.latency").totalTime(TimeUnit.MICROSECONDS)).isEqualTo(48_000);
        assertThat(emitted).containsExactly(event);
    }

    @Test
    void aFailedEventIsCountedWithItsCode() {
        dns(in -> resolved(in, 30_000, Outcome.failed(FailureCode.DNS_NXDOMAIN, "no such name")))
                .process(bytes(configured()));

        assertThat(events("failed", "DNS_NXDOMAIN")).isEqualTo(1);
        assertThat(events("ok", "none")).isZero();
    }

    @Test
    void aJourneyThatFailedUpstreamIsSkippedWithoutComputing() {
        HopEvent failed = requested().next(0, AT, Outcome.failed(FailureCode.DHCP_POOL_EXHAUSTED, "no address"),
                requested().context(), new DhcpConfigured(null, DhcpConfigured.MODE_NO_OFFER, List.of(), null,
                        List.of()));
        Record<String, byte[]> out = dns(in -> {
            throw new AssertionError("computed a journey that had failed");
        }).process(bytes(failed));

        assertThat(out).isNull();
        assertThat(events("skipped", "none")).isEqualTo(1);
        assertThat(timer("pj.hop.simulated.latency").count()).isZero();
        assertThat(emitted).isEmpty();
    }

    @Test
    void recordsThatAreNotTheHopsInputAreRefusedCountedAndNeverComputed() {
        HopProcessor dns = dns(in -> {
            throw new AssertionError("computed a record that is not a dhcp.configured event");
        });
        HopEvent ok = configured();
        HopEvent future = new HopEvent(ok.eventId(), ok.journeyId(), ok.hop(), ok.causationId(), ok.service(),
                ok.simStartedAt(), ok.simLatencyMicros(), ok.wallTime(), 99, ok.outcome(), ok.context(), ok.payload());
        assertThatThrownBy(() -> dns.process("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> dns.process(bytes(requested()))).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("journey.requested").hasMessageContaining("dhcp.configured");
        assertThatThrownBy(() -> dns.process(bytes(future))).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("schemaVersion 99");
        assertThat(events("unreadable", "none")).isEqualTo(3);
    }

    @Test
    void anErrorOfTheHopIsCountedAndStillThrown() {
        assertThatThrownBy(() -> dns(in -> {
            throw new IllegalStateException("world not read");
        }).process(bytes(configured()))).isInstanceOf(IllegalStateException.class);

        assertThat(events("error", "none")).isEqualTo(1);
    }

    @Test
    void theFirstHopReadsNothingAndCountsJourneysStarted() {
        assertThatThrownBy(() -> HopProcessor.of(HopType.JOURNEY_REQUESTED, registry, in -> in))
                .isInstanceOf(IllegalArgumentException.class);
        HopMetrics laptop = new HopMetrics(registry, HopType.JOURNEY_REQUESTED);
        assertThat(registry.get("pj.journeys.started").counter().count()).isZero();

        laptop.started(requested(), System.nanoTime());

        assertThat(registry.get("pj.journeys.started").tag(Labels.SERVICE, "laptop").counter().count()).isEqualTo(1);
        assertThatThrownBy(() -> new HopMetrics(registry, HopType.DNS_RESOLVED).started(requested(), 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everySeriesCarriesTheSameLabelNames() {
        dns(in -> resolved(in, 1, Outcome.ok())).process(bytes(configured()));

        assertThat(registry.get("pj.hop.events").counters()).allSatisfy(c -> {
            assertThat(c.getId().getTags()).extracting(t -> t.getKey())
                    .containsExactlyInAnyOrder("service", "hop", "outcome", "code");
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

    private static byte[] bytes(HopEvent event) {
        return Json.writeBytes(event);
    }

    private static HopEvent requested() {
        return HopEvent.first("j-1", AT, 0, AT, Outcome.ok(),
                JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com", 443, "/",
                        "laptop", "3c:22:fb:00:00:01"),
                new JourneyRequested("https://packet-journey.com/", "GET", "laptop", "3c:22:fb:00:00:01"));
    }

    private static HopEvent configured() {
        return requested().next(2_000, AT, Outcome.ok(), requested().context().withLease("192.168.1.100",
                "192.168.1.1", "192.168.1.1"), new DhcpConfigured("192.168.1.1", "dora", List.of(), null, List.of()));
    }

    private static HopEvent resolved(HopEvent in, long micros, Outcome outcome) {
        return in.next(micros, AT, outcome, in.context(), new DnsResolved("packet-journey.com. IN A", "resolver",
                List.of(), List.of(), List.of(), null, null));
    }
}

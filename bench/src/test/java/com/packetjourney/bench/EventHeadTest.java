package com.packetjourney.bench;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.JourneyRequested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventHeadTest {
    private static final Instant SIM = Instant.parse("2026-05-01T12:00:00Z");
    private static final Instant WALL = Instant.parse("2026-11-26T15:00:00.123456Z");

    private static byte[] event(Outcome outcome) {
        JourneyContext context = JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com",
                443, "/", "laptop", "3c:22:fb:7a:10:01");
        HopEvent e = HopEvent.first("j-42", SIM, 1500, WALL, outcome, context,
                new JourneyRequested("https://packet-journey.com/", "GET", "laptop", "3c:22:fb:7a:10:01"));
        return Json.write(e).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theHeadOfAWrittenHopEventIsReadWithoutItsPayload() {
        EventHead head = EventHead.of(event(Outcome.ok()));

        assertThat(head).isEqualTo(new EventHead("j-42", 0, WALL.toString(), "OK"));
        assertThat(Instant.parse(head.wallTime())).isEqualTo(WALL);
    }

    @Test
    void aFailedEventsStatusAndGarbageAreTold() {
        assertThat(EventHead.of(event(Outcome.failed(FailureCode.DNS_NXDOMAIN, "no such host"))).status())
                .isEqualTo("FAILED");
        assertThat(EventHead.of("not json".getBytes(StandardCharsets.UTF_8)).journeyId()).isNull();
        assertThat(EventHead.of("[1,2]".getBytes(StandardCharsets.UTF_8)).hop()).isEqualTo(-1);
    }
}

package com.packetjourney.dhcp.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.testsupport.KafkaTestResource;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The DHCP hop through a real broker: world from the topics in, hop event out, unreadable records dead-lettered. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DhcpHopIT {

    @Test
    void aJourneyFromAKnownLaptopGetsALeaseAndAnUnreadableRecordIsDeadLettered() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String lanId = "lan-" + suffix;
        String client = "laptop-" + suffix;
        TopicProbe.send(Topics.WORLD_LANS, lanId, Json.write(new LanSegment(lanId, "10.9.0.0/24", "r", "10.9.0.1",
                "198.51.100.9", 64500, "10.9.0.50", "10.9.0.60", 600, List.of("10.9.0.1"), "198.51.100.53", 700)));
        TopicProbe.send(Topics.WORLD_CLIENTS, client, Json.write(new ClientDevice(client, "02:00:00:00:00:01", lanId)));

        String badKey = "bad-" + suffix;
        TopicProbe.send(Topics.JOURNEY_REQUESTED, badKey, "{this is not an event");

        String journeyId = "j-" + suffix;
        HopEvent requested = HopEvent.first(journeyId, Instant.parse("2026-01-01T09:00:00Z"), 100, Instant.now(),
                Outcome.ok(), JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com", 443,
                        "/", client, "02:00:00:00:00:01"),
                new JourneyRequested("https://packet-journey.com/", "GET", client, "02:00:00:00:00:01"));
        TopicProbe.send(Topics.JOURNEY_REQUESTED, journeyId, Json.write(requested));

        ConsumerRecord<String, String> out = TopicProbe.awaitRecord(Topics.DHCP, journeyId, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no DHCP hop for " + journeyId));
        HopEvent dhcp = Json.read(out.value(), HopEvent.class);
        assertThat(dhcp.hopType()).isEqualTo(HopType.DHCP_CONFIGURED);
        assertThat(dhcp.causationId()).isEqualTo(requested.eventId());
        assertThat(dhcp.outcome().isOk()).isTrue();
        assertThat(dhcp.simLatencyMicros()).isEqualTo(4 * 700);
        DhcpConfigured payload = (DhcpConfigured) dhcp.payload();
        assertThat(payload.lease().address()).isEqualTo("10.9.0.50");
        assertThat(payload.lease().router()).isEqualTo("10.9.0.1");
        assertThat(dhcp.context().clientIp()).isEqualTo("10.9.0.50");
        assertThat(dhcp.context().gateway()).isEqualTo("10.9.0.1");

        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(Topics.deadLetter("dhcp-server"), badKey,
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("unreadable record not dead-lettered"));
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("HopEvent");

        List<ConsumerRecord<String, String>> leases = TopicProbe.awaitRecords(Topics.DHCP_LEASES,
                r -> r.key().equals(lanId + "|02:00:00:00:00:01"), 1, Duration.ofSeconds(10));
        assertThat(leases).hasSize(1);
    }
}

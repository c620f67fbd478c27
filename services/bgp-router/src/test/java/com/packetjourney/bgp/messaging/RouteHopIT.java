package com.packetjourney.bgp.messaging;

import com.packetjourney.bgp.EksNginxScenario;
import com.packetjourney.bgp.domain.NatBinding;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PacketRouted.RouterHop;
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
import java.util.SplittableRandom;
import java.util.UUID;

import static com.packetjourney.bgp.messaging.RoutedWorld.CLIENT;
import static com.packetjourney.bgp.messaging.RoutedWorld.CLIENT_IP;
import static com.packetjourney.bgp.messaging.RoutedWorld.GATEWAY;
import static com.packetjourney.bgp.messaging.RoutedWorld.LINK_LATENCY;
import static com.packetjourney.bgp.messaging.RoutedWorld.WAN_IP;
import static org.assertj.core.api.Assertions.assertThat;

/** The routing hop through a real broker: world from the topics in, hop event out, unreadable records dead-lettered. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(RoutedWorld.class)
class RouteHopIT {
    private static final String ALB = "54.217.10.21";

    @Test
    void aResolvedJourneyIsRoutedToAmazonAndAnUnreadableRecordIsDeadLettered() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String badKey = "bad-" + suffix;
        TopicProbe.send(Topics.DNS, badKey, "{this is not an event");

        String journeyId = "j-" + suffix;
        JourneyContext context = JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com",
                443, "/", CLIENT, RoutedWorld.CLIENT_MAC).withLease(CLIENT_IP, GATEWAY, GATEWAY).withServerIp(ALB);
        HopEvent resolved = HopEvent.first(journeyId, Instant.parse("2026-01-01T09:00:00Z"), 41_000, Instant.now(),
                Outcome.ok(), context, new DnsResolved("packet-journey.com.", "ns1.amzndns.com.", List.of(),
                        List.of(), List.of(ALB, "54.217.40.22"), ALB, 60L));
        TopicProbe.send(Topics.DNS, journeyId, Json.write(resolved));

        ConsumerRecord<String, String> out = TopicProbe.awaitRecord(Topics.ROUTE, journeyId, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no route hop for " + journeyId));
        HopEvent routed = Json.read(out.value(), HopEvent.class);
        assertThat(routed.hopType()).isEqualTo(HopType.PACKET_ROUTED);
        assertThat(routed.service()).isEqualTo("bgp-router");
        assertThat(routed.causationId()).isEqualTo(resolved.eventId());
        assertThat(routed.simStartedAt()).isEqualTo(resolved.simEndedAt());
        assertThat(routed.outcome().isOk()).isTrue();
        assertThat(routed.simLatencyMicros()).isEqualTo(LINK_LATENCY + LINK_LATENCY + 4000 + 6000);
        assertThat(routed.context().publicSourceIp()).isEqualTo(WAN_IP);
        assertThat(routed.context().serverIp()).isEqualTo(ALB);

        PacketRouted payload = (PacketRouted) routed.payload();
        assertThat(payload.source()).isEqualTo(CLIENT_IP);
        assertThat(payload.translatedSource()).isEqualTo(WAN_IP);
        assertThat(payload.destination()).isEqualTo(ALB);
        assertThat(payload.destinationPort()).isEqualTo(443);
        assertThat(payload.protocol()).isEqualTo("TCP");
        assertThat(payload.asPath()).containsExactly(3356L, 16509L);
        assertThat(payload.destinationPrefix()).isEqualTo("54.216.0.0/15");
        assertThat(payload.originAs()).isEqualTo(16509L);
        // The NAT ports are the journey's seeded choice: the scenario's seed combined with the journey id.
        NatBinding nat = NatBinding.allocate(CLIENT_IP, WAN_IP,
                new SplittableRandom(EksNginxScenario.scenario().simulation().seed() ^ journeyId.hashCode()));
        assertThat(payload.path()).containsExactly(
                new RouterHop(CLIENT, null, "0.0.0.0/0", GATEWAY, "en0", List.of(), 64, LINK_LATENCY,
                        "off-link: sent to the default gateway"),
                new RouterHop("route-it-router", null, "0.0.0.0/0", "isp-edge-1", "wan0", List.of(), 63, LINK_LATENCY,
                        nat.describe()),
                new RouterHop("isp-edge-1", 64500L, "54.216.0.0/15", "lumen-core-1", "AS3356", List.of(3356L, 16509L),
                        62, 4000, "the only path; LOCAL_PREF 50 (provider route)"),
                new RouterHop("lumen-core-1", 3356L, "54.216.0.0/15", "aws-border-dub-1", "AS16509", List.of(16509L),
                        61, 6000, "the only path; LOCAL_PREF 100 (peer route)"),
                new RouterHop("aws-border-dub-1", 16509L, "54.216.0.0/15", ALB, "AS16509 network", List.of(), 60, 0,
                        "destination network reached"));

        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(Topics.deadLetter("bgp-router"), badKey,
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("unreadable record not dead-lettered"));
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("HopEvent");
    }
}

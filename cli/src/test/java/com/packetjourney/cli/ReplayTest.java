package com.packetjourney.cli;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.kafka.TopicAdmin;
import com.packetjourney.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay through a real (embedded) broker: bounded by the end offsets seen at start, no group, no commits. */
class ReplayTest {
    private static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");
    private static final String URL = "https://packet-journey.com/";

    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
        TopicAdmin.createAll(broker.bootstrapServers());
        publish(broker.bootstrapServers(), journey("b-done", EPOCH, false));
        publish(broker.bootstrapServers(), journey("a-failed", EPOCH, true));
        publish(broker.bootstrapServers(), journey("c-earlier", EPOCH.minusSeconds(60), false));
        publish(broker.bootstrapServers(), List.of("{not a hop event".getBytes(StandardCharsets.UTF_8)), "pj.hop.dns",
                "junk");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Replay.Result replay(String journeyId, Runnable afterEndOffsets) {
        ProgressBar quiet = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), "replaying", false);
        return Replay.run(new Replay.Options(broker.bootstrapServers(), null, journeyId), quiet, afterEndOffsets);
    }

    @Test
    void stopsAtTheEndOffsetsSeenAtStartAndCommitsNothing() throws Exception {
        Replay.Result result = replay(null, () -> publish(broker.bootstrapServers(),
                journey("z-written-during-replay", EPOCH, false)));

        assertThat(result.journeys()).extracting(JourneyView::journeyId)
                .doesNotContain("z-written-during-replay")
                .containsExactly("c-earlier", "a-failed", "b-done");
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            assertThat(admin.listGroups().all().get(30, TimeUnit.SECONDS)).isEmpty();
        }
        // the next replay sees what the previous one left out
        assertThat(replay(null, () -> { }).journeys()).extracting(JourneyView::journeyId)
                .contains("z-written-during-replay");
    }

    @Test
    void theSameLogReplaysToTheSameBytes() {
        Replay.Result first = replay(null, () -> { });
        Replay.Result second = replay(null, () -> { });

        assertThat(Replay.table(second)).isEqualTo(Replay.table(first));
        assertThat(Replay.jsonLines(second)).isEqualTo(Replay.jsonLines(first));
        assertThat(first.unreadable()).isEqualTo(1);
        assertThat(Replay.table(first)).contains("a-failed", "dns.resolved DNS_NXDOMAIN", "1 failed");
        assertThat(Replay.jsonLines(first).lines()).allSatisfy(line ->
                assertThat(Json.read(line, JourneyView.class).journeyId()).isNotBlank());
    }

    @Test
    void oneJourneyOrOnlyRecordsWrittenSinceAnInstant() {
        Replay.Result one = replay("a-failed", () -> { });
        assertThat(one.journeys()).singleElement().satisfies(j -> {
            assertThat(j.status()).isEqualTo(JourneyStatus.FAILED);
            assertThat(j.failureCode()).isEqualTo(FailureCode.DNS_NXDOMAIN);
            assertThat(j.hops()).hasSize(3);
        });

        ProgressBar quiet = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), "replaying", false);
        Replay.Result none = Replay.run(new Replay.Options(broker.bootstrapServers(),
                Instant.now().plusSeconds(3600), null), quiet);
        assertThat(none.journeys()).isEmpty();
        assertThat(none.records()).isZero();
    }

    @Test
    void theProgressBarFillsUp() {
        ProgressBar bar = new ProgressBar(System.err, "replaying", false);
        assertThat(bar.render(0, 40)).startsWith("replaying [------------------------------]   0%");
        assertThat(bar.render(20, 40)).contains("[###############---------------]  50%  20/40 records");
        assertThat(bar.render(40, 40)).contains("100%");
    }

    /** Three hops through DNS, which either answers or says the name does not exist. */
    static List<HopEvent> journey(String id, Instant simStart, boolean nxdomain) {
        Instant wall = Instant.parse("2026-05-01T12:00:00Z");
        HopEvent requested = HopEvent.first(id, simStart, 0, wall, Outcome.ok(),
                JourneyContext.request(URL, "https", "packet-journey.com", 443, "/", "laptop", "3c:22:fb:7a:10:01"),
                new JourneyRequested(URL, "GET", "laptop", "3c:22:fb:7a:10:01"));
        HopEvent dhcp = requested.next(2_000, wall, Outcome.ok(),
                requested.context().withLease("192.168.1.100", "192.168.1.1", "192.168.1.1"),
                new DhcpConfigured("192.168.1.1", DhcpConfigured.MODE_LEASE_VALID, List.of(), null, List.of()));
        HopEvent dns = dhcp.next(46_000, wall,
                nxdomain ? Outcome.failed(FailureCode.DNS_NXDOMAIN, "no such name") : Outcome.ok(),
                dhcp.context().withServerIp("54.217.10.21"),
                new DnsResolved("packet-journey.com.", "iterative", List.of(), List.of(),
                        nxdomain ? List.of() : List.of("54.217.10.21"), nxdomain ? null : "54.217.10.21", 60L));
        return List.of(requested, dhcp, dns);
    }

    static void publish(String bootstrapServers, List<HopEvent> hops) {
        for (HopEvent e : hops) {
            publish(bootstrapServers, List.of(Json.writeBytes(e)), e.hopType().topic(), e.journeyId());
        }
    }

    static void publish(String bootstrapServers, List<byte[]> values, String topic, String key) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class.getName()))) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>(topic, key, v)).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

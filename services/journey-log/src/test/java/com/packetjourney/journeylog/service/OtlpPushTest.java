package com.packetjourney.journeylog.service;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.journeylog.capture.JourneyCapture;
import com.packetjourney.journeylog.capture.RecordedJourneys;
import com.packetjourney.journeylog.trace.OtlpJson;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Finished journeys sent once each to an OTLP/HTTP receiver, here a real HTTP server on the loopback address. */
class OtlpPushTest {
    private HttpServer receiver;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> paths = new LinkedBlockingQueue<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aFinishedJourneyIsSentOnceAsAnOtlpTrace() throws Exception {
        JourneyLogService log = new JourneyLogService(Clock.systemUTC(), Duration.ofSeconds(30));
        JourneyExport export = new JourneyExport(log, RecordedJourneys.SCENARIO_ALB_NODES);
        String endpoint = "http://" + receiver.getAddress().getHostString() + ":" + receiver.getAddress().getPort();
        log.addListener(new OtlpPush(endpoint, log, export));

        String id = "push-" + java.util.UUID.randomUUID();
        List<HopEvent> events = RecordedJourneys.events(RecordedJourneys.COMPLETED, id);
        // the last hop first: the journey looks complete, but is not finished until its first hop is read
        long offset = 0;
        for (int i : new int[]{5, 4, 3, 2, 1}) {
            log.onHopRecord(events.get(i).hopType().topic(), 0, offset++, id, Json.writeBytes(events.get(i)));
        }
        assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
        log.onHopRecord(events.get(0).hopType().topic(), 0, offset++, id, Json.writeBytes(events.get(0)));
        // a duplicate changes nothing and sends nothing
        log.onHopRecord(events.get(5).hopType().topic(), 0, offset, id, Json.writeBytes(events.get(5)));

        String body = received.poll(10, TimeUnit.SECONDS);
        assertThat(body).isNotNull();
        assertThat(paths.poll()).isEqualTo("POST /v1/traces application/json");
        OtlpJson.Trace trace = OtlpJson.parse(body);
        assertThat(trace.roots()).hasSize(1);
        assertThat(java.util.HexFormat.of().formatHex(trace.roots().get(0).getTraceId().toByteArray()))
                .isEqualTo(JourneyCapture.traceId(id));
        assertThat(trace.children(trace.roots().get(0))).hasSize(events.size());
        assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
    }
}

package com.packetjourney.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pcap command against a stand-in journey-log on the loopback address that serves one journey's file. */
class PcapCommandTest {
    private static final byte[] CAPTURE = {0x0A, 0x0D, 0x0D, 0x0A, 1, 2, 3, 4};

    @TempDir
    Path dir;
    private HttpServer journeyLog;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        journeyLog = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        journeyLog.createContext("/journeys/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/journeys/j-1/pcap");
            byte[] body = known ? CAPTURE : "{\"status\":404,\"field\":\"id\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        journeyLog.start();
    }

    @AfterEach
    void stop() {
        journeyLog.stop(0);
    }

    @Test
    void theJourneysCaptureIsWrittenToTheFileNamedByDashO() throws Exception {
        Path file = dir.resolve("out/j-1.pcapng");
        assertThat(command().run(List.of("j-1", "-o", file.toString()), null)).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(CAPTURE);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(file.toString()).contains("8 bytes");
    }

    @Test
    void anUnknownJourneyOrAMissingIdIsAnError() {
        assertThatThrownBy(() -> command().run(List.of("nope", "-o", dir.resolve("x").toString()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no journey nope");
        assertThatThrownBy(() -> command().run(List.of("-o", "x.pcapng"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a journey id");
        assertThatThrownBy(() -> command().run(List.of("j-1", "-o"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-o needs a file name");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    private PcapCommand command() {
        return new PcapCommand("http://" + journeyLog.getAddress().getHostString() + ":"
                + journeyLog.getAddress().getPort(), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }
}

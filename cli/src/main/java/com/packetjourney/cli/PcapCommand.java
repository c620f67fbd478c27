package com.packetjourney.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./packet-journey pcap ID [-o FILE]}: the journey's packets as journey-log exports them (pcapng, on the
 * simulated timeline), written to FILE, by default journey-ID.pcapng, for Wireshark or tshark.
 */
public final class PcapCommand {

    private final String journeyLog;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code journeyLog}: journey-log's base URL, e.g. http://localhost:18089. */
    public PcapCommand(String journeyLog, PrintStream out) {
        this.journeyLog = journeyLog;
        this.out = out;
    }

    /** {@code args}: the journey id and {@code -o FILE}, in either order; {@code output}: --output, if given. */
    public int run(List<String> args, String output) {
        String id = null;
        String file = output;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-o")) {
                if (i + 1 == args.size()) {
                    throw new IllegalArgumentException("option -o needs a file name");
                }
                file = args.get(++i);
            } else if (id == null) {
                id = args.get(i);
            } else {
                throw new IllegalArgumentException("pcap takes one journey id, got " + id + " and " + args.get(i));
            }
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("pcap needs a journey id: ./packet-journey pcap ID [-o FILE]");
        }
        return run(id, file);
    }

    /** Writes the capture of journey {@code id} to {@code file} (null: journey-ID.pcapng); returns the exit code. */
    public int run(String id, String file) {
        Path target = Path.of(file != null ? file : "journey-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".pcapng");
        HttpRequest request = HttpRequest.newBuilder(URI.create(journeyLog + "/journeys/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/pcap"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("journey-log at " + journeyLog + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() == 404) {
            throw new IllegalArgumentException("no journey " + id + " in the log");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("journey-log answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.write(target, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        out.println("wrote " + target + " (" + response.body().length + " bytes, pcapng): open it with wireshark "
                + target + " or tshark -r " + target);
        return 0;
    }
}

package com.packetjourney.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wireshark's command-line reader (Debian's tshark, which .ci/run installs) on a capture file, with the IPv4, UDP
 * and TCP checksums validated (Wireshark leaves them unchecked by default).
 */
public final class Tshark {
    public static final Path BINARY = Path.of("/usr/bin/tshark");
    private static final List<String> CHECK_CHECKSUMS = List.of("-o", "ip.check_checksum:TRUE",
            "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE");

    private Tshark() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** One line per packet, as tshark prints its summary. */
    public static List<String> summary(Path capture) {
        return run(capture);
    }

    /** One packet's values of the fields asked for (a field may occur several times in a packet). */
    public record Packet(Map<String, List<String>> fields) {
        public List<String> values(String field) {
            return fields.getOrDefault(field, List.of());
        }

        /** The field's first value in the packet, or null. */
        public String value(String field) {
            List<String> v = values(field);
            return v.isEmpty() ? null : v.get(0);
        }

        /** A boolean field (tshark 4.0 prints 1, later versions True). */
        public boolean is(String field) {
            String v = value(field);
            return "1".equals(v) || "true".equalsIgnoreCase(v);
        }

        public boolean has(String field) {
            return !values(field).isEmpty();
        }
    }

    /** Every packet of the capture with its values of {@code fields} (and frame.number), read in one pass. */
    public static List<Packet> packets(Path capture, String... asked) {
        String[] fields = new String[asked.length + 1];
        fields[0] = "frame.number";
        System.arraycopy(asked, 0, fields, 1, asked.length);
        List<String> args = new ArrayList<>(List.of("-T", "fields", "-E", "separator=\u001e", "-E", "occurrence=a",
                "-E", "aggregator=\u001f"));
        for (String field : fields) {
            args.addAll(List.of("-e", field));
        }
        List<Packet> packets = new ArrayList<>();
        for (String line : run(capture, args.toArray(String[]::new))) {
            String[] columns = line.split("\u001e", -1);
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.length && i < columns.length; i++) {
                if (!columns[i].isEmpty()) {
                    values.put(fields[i], List.of(columns[i].split("\u001f")));
                }
            }
            packets.add(new Packet(values));
        }
        return packets;
    }

    /** Each packet tshark marks malformed or with an expert message of warning or error severity (a bad checksum). */
    public static List<String> problems(Path capture) {
        return run(capture, "-Y", "_ws.malformed || _ws.expert.severity >= \"Warning\"", "-T", "fields",
                "-e", "frame.number", "-e", "_ws.expert.message");
    }

    private static List<String> run(Path capture, String... args) {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-n", "-r", capture.toString()));
        command.addAll(CHECK_CHECKSUMS);
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("tshark-", ".err");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tshark did not finish within 60 s: " + command);
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("tshark exited with " + p.exitValue() + ": " + stderr);
            }
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

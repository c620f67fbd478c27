package com.packetjourney.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a Kafka bootstrap address accepts connections, asked before a Kafka client is made: the client itself
 * retries an unreachable broker until its API timeout (15 s and more) and then fails with an exception, where a
 * person wants to hear within seconds which address did not answer.
 */
final class BrokerProbe {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private BrokerProbe() {
    }

    /** Returns if one of the comma-separated HOST:PORT addresses accepts a TCP connection; else exit code 3. */
    static void requireReachable(String bootstrapServers, String hint) {
        List<String> failures = new ArrayList<>();
        for (String address : bootstrapServers.split(",")) {
            String a = address.trim();
            int colon = a.lastIndexOf(':');
            if (colon <= 0) {
                throw CliError.usage("'" + a + "' is not a broker address: give HOST:PORT, e.g. localhost:19092");
            }
            int port;
            try {
                port = Integer.parseInt(a.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw CliError.usage("'" + a + "' is not a broker address: the port is not a number");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.substring(0, colon), port), (int) TIMEOUT.toMillis());
                return;
            } catch (IOException e) {
                failures.add(e instanceof SocketTimeoutException
                        ? "no answer within " + TIMEOUT.toSeconds() + " s"
                        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (IllegalArgumentException e) {
                throw CliError.usage("'" + a + "' is not a broker address: " + e.getMessage());
            }
        }
        throw CliError.unreachable("cannot reach the Kafka broker at " + bootstrapServers + " ("
                + String.join("; ", failures) + ")", hint, null);
    }
}

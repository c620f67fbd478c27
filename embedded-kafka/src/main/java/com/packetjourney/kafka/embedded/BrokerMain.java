package com.packetjourney.kafka.embedded;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the embedded broker as its own process (used by {@code ./packet-journey up}):
 * {@code BrokerMain <port> <data-dir>}. Prints "READY host:port" once clients can connect; stops on SIGTERM.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BrokerMain <port> <data-dir>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dir, false);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        System.out.println("READY " + broker.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }
}

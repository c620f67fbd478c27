package com.packetjourney.testsupport;

import com.packetjourney.kafka.TopicAdmin;
import com.packetjourney.kafka.embedded.EmbeddedKafkaBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real Kafka broker per test JVM, shared by every test in it (tests use unique ids). It is a Testcontainers
 * broker when a Docker engine answers, the embedded KRaft broker otherwise; {@code -Dpj.test.kafka=embedded} or
 * {@code =testcontainers} forces either. The Docker check is skipped at once when no Docker endpoint exists, so
 * the choice never hangs.
 */
public final class SharedKafka {
    public static final String MODE_PROPERTY = "pj.test.kafka";

    private static String bootstrapServers;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = start();
            TopicAdmin.createAll(bootstrapServers);
        }
        return bootstrapServers;
    }

    private static String start() {
        String mode = System.getProperty(MODE_PROPERTY, "auto");
        boolean useDocker = switch (mode) {
            case "testcontainers" -> true;
            case "embedded" -> false;
            default -> dockerEndpointExists() && DockerClientFactory.instance().isDockerAvailable();
        };
        if (useDocker) {
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
            return kafka.getBootstrapServers();
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        return broker.bootstrapServers();
    }

    private static boolean dockerEndpointExists() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return !host.startsWith("unix://") || Files.exists(Path.of(host.substring("unix://".length())));
        }
        return Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
    }
}

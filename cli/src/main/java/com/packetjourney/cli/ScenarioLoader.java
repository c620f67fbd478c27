package com.packetjourney.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.InstanceLimits;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.kafka.KeyedWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a scenario file and publishes it as world events; services learn the world only from those topics. */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScenarioLoader() {
    }

    public static Scenario read(Path file) {
        try {
            Scenario scenario = YAML.readValue(Files.readString(file), Scenario.class);
            if (scenario == null || scenario.simulation() == null) {
                throw new IllegalArgumentException(file + ": a scenario needs a 'simulation' section");
            }
            validate(file, scenario);
            return scenario;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /** What no service could make work is refused before anything is published: a node of an unknown type. */
    static void validate(Path file, Scenario scenario) {
        if (scenario.kubernetes() == null) {
            return;
        }
        scenario.kubernetes().stream().filter(Node.class::isInstance).map(Node.class::cast).forEach(node -> {
            try {
                InstanceLimits.of(node);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        });
    }

    /** Publishes every world record of the scenario and waits until the broker has them all. */
    public static int publish(Scenario scenario, String bootstrapServers) {
        try (KeyedWriter writer = new KeyedWriter(bootstrapServers, "scenario-loader")) {
            var records = scenario.worldRecords();
            records.forEach(r -> writer.send(r.topic(), r.key(), r.value()));
            writer.flush();
            return records.size();
        }
    }

    /** How many nginx targets the scenario should end up with: the replicas of its deployments. */
    public static int expectedReplicas(Scenario scenario) {
        return scenario.kubernetes() == null ? 0 : scenario.kubernetes().stream()
                .filter(Deployment.class::isInstance).mapToInt(o -> ((Deployment) o).replicas()).sum();
    }
}

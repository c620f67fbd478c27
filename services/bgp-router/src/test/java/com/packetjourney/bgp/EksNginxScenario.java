package com.packetjourney.bgp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The scenario file itself (scenarios/eks-nginx.yaml), so tests check the world the journey really runs in. */
public final class EksNginxScenario {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Scenario SCENARIO = read();

    private EksNginxScenario() {
    }

    public static Scenario scenario() {
        return SCENARIO;
    }

    public static List<AutonomousSystem> autonomousSystems() {
        return SCENARIO.autonomousSystems();
    }

    public static LanSegment homeLan() {
        return SCENARIO.lans().get(0);
    }

    private static Scenario read() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scenarios/eks-nginx.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scenarios/eks-nginx.yaml not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return YAML.readValue(Files.readString(dir.resolve("scenarios/eks-nginx.yaml")), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

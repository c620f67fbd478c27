package com.packetjourney.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioLoaderTest {

    @Test
    void theShippedScenarioLoads() {
        assertThat(ScenarioLoader.read(Path.of("../scenarios/eks-nginx.yaml")).kubernetes()).isNotEmpty();
    }

    @Test
    void aNodeOfAnUnknownInstanceTypeIsRefusedAtLoadNamingNodeAndType(@TempDir Path dir) throws IOException {
        String shipped = Files.readString(Path.of("../scenarios/eks-nginx.yaml"));
        assertThat(shipped).contains("instanceType: m5.large");
        Path odd = dir.resolve("odd.yaml");
        Files.writeString(odd, shipped.replaceFirst("instanceType: m5.large", "instanceType: m5.huge"));
        assertThatThrownBy(() -> ScenarioLoader.read(odd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd.yaml")
                .hasMessageContaining("node ip-10-0-1-17.eu-west-1.compute.internal")
                .hasMessageContaining("unknown instance type 'm5.huge'");
    }
}

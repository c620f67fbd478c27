package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What `world k8s` prints for the changes k8s-api and node-cni report, and what it refuses before asking them. */
class WorldK8sCommandTest {
    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }

    @Test
    void eachChangeSaysWhatHappensNext() {
        assertThat(WorldK8sCommand.describeScale(json("""
                {"kind":"Deployment","namespace":"default","name":"nginx","replicas":0,"image":"nginx:1.27"}""")))
                .isEqualTo("deployment default/nginx scaled to 0 replicas (written to pj.world.k8s-manifests; its "
                        + "pods change once k8s-api has read it back)");
        assertThat(WorldK8sCommand.describeDeletion(json("""
                {"namespace":"default","name":"nginx-abc-xyz","phase":"Terminating","podIp":"10.0.1.18"}""")))
                .isEqualTo("pod default/nginx-abc-xyz at 10.0.1.18 is Terminating: its ALB target drains and its "
                        + "ReplicaSet replaces it");
        assertThat(WorldK8sCommand.describeImage(json("""
                {"namespace":"default","name":"nginx","replicas":3,"image":"nginx:1.28"}""")))
                .startsWith("deployment default/nginx now wants nginx:1.28: a new ReplicaSet rolls out");
        assertThat(WorldK8sCommand.describeSlowness(json("""
                {"namespace":"default","pod":"nginx-abc-xyz","micros":2000000}""")))
                .startsWith("pod default/nginx-abc-xyz answers 2000000 µs later");
        assertThat(WorldK8sCommand.describeSlowness(json("""
                {"namespace":"default","pod":"nginx-abc-xyz","micros":0}""")))
                .isEqualTo("pod default/nginx-abc-xyz answers normally again (written to pj.world.pod-slowness)");
    }

    @Test
    void missingOrMalformedArgumentsAreRefusedWithTheUsage() {
        WorldK8sCommand command = new WorldK8sCommand(null);
        assertThatThrownBy(() -> command.run(PacketJourney.Args.parse(new String[]{"world", "k8s", "scale", "nginx"})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("missing N");
        assertThatThrownBy(() -> command.run(PacketJourney.Args.parse(
                new String[]{"world", "k8s", "slow-pod", "nginx-abc", "soon"})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MICROS must be a whole number, not 'soon'");
        assertThat(WorldCommand.USAGE).contains("world k8s scale DEPLOYMENT N [--namespace NS]");
    }
}

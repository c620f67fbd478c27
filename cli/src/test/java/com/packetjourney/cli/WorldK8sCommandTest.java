package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What `world k8s` prints for the changes k8s-api and node-cni report. */
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
}

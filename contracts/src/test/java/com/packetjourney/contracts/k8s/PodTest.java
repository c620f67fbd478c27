package com.packetjourney.contracts.k8s;

import com.packetjourney.contracts.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PodTest {

    @Test
    void aPodRecordWrittenBeforeHostNetworkExistedReadsAsAPodNetworkPod() {
        String old = "{\"namespace\":\"default\",\"name\":\"nginx-1\",\"owner\":\"ReplicaSet/nginx-abc\","
                + "\"labels\":{\"app\":\"nginx\"},\"node\":\"n1\",\"phase\":\"Running\",\"podIp\":\"10.0.1.18\","
                + "\"ready\":true,\"containerPort\":80,\"resourceVersion\":7,\"message\":null}";
        Pod pod = Json.read(old, Pod.class);
        assertThat(pod.hostNetwork()).isFalse();
        assertThat(pod.podIp()).isEqualTo("10.0.1.18");
    }

    @Test
    void withKeepsWhatThePodIs() {
        Pod awsNode = new Pod("kube-system", "aws-node-x", "DaemonSet/aws-node", Map.of("k8s-app", "aws-node"), "n1",
                "Running", "10.0.1.17", true, 0, 3, null, true);
        Pod gone = awsNode.with("n1", "Terminating", "10.0.1.17", false, 4, null);
        assertThat(gone.hostNetwork()).isTrue();
        assertThat(gone.owner()).isEqualTo("DaemonSet/aws-node");
        assertThat(gone.phase()).isEqualTo("Terminating");
        assertThat(Json.read(Json.write(gone), Pod.class)).isEqualTo(gone);
    }
}

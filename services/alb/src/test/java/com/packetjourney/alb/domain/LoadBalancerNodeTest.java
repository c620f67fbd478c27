package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.world.LoadBalancer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancerNodeTest {

    @Test
    void theNodeOwningThePublicAddressTakesTheConnection() {
        LoadBalancer alb = new LoadBalancer("alb", "alb.elb.amazonaws.com", "internet-facing", 16509, List.of(
                new LoadBalancer.AlbNode("eu-west-1a", "54.217.10.21", "10.0.0.10"),
                new LoadBalancer.AlbNode("eu-west-1b", "54.217.40.22", "10.0.32.10")), List.of());
        assertThat(LoadBalancerNode.owning(List.of(alb), "54.217.40.22"))
                .contains(new LoadBalancerNode("alb", "eu-west-1b", "54.217.40.22", "10.0.32.10"));
        assertThat(LoadBalancerNode.owning(List.of(alb), "54.217.99.99")).isEmpty();
    }

    @Test
    void aListenerIsFoundByPortAndNamedProtocolColonPort() {
        AlbConfig config = new AlbConfig("alb", "default/nginx", List.of(
                new AlbConfig.Listener(443, "HTTPS", List.of("arn"), List.of(), "fixed-response:404")), List.of());
        assertThat(Listener.on(config, 443)).get().satisfies(l -> {
            assertThat(l.name()).isEqualTo("HTTPS:443");
            assertThat(l.terminatesTls()).isTrue();
        });
        assertThat(Listener.on(config, 80)).isEmpty();
        assertThat(Listener.on(null, 443)).isEmpty();
    }
}

package com.packetjourney.alb.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.world.LoadBalancer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectAttemptTest {
    private static final String LB = "k8s-default-nginx-7f3c2a9d41";
    private static final List<LoadBalancer> LBS = List.of(new LoadBalancer(LB, "d", "internet-facing", 16509,
            List.of(new LoadBalancer.AlbNode("eu-west-1a", "54.217.10.21", "10.0.0.10")), List.of()));
    private static final Map<String, AlbConfig> CONFIGS = Map.of(LB, new AlbConfig(LB, "default/nginx",
            List.of(new AlbConfig.Listener(443, "HTTPS", List.of(), List.of(), "fixed-response:404")), List.of()));

    private static ConnectAttempt to(String ip, int port, Long originAs) {
        return ConnectAttempt.to(LBS, CONFIGS::get, ip, port, originAs);
    }

    @Test
    void aNodeOwningTheAddressInItsOwnAsAnswersOnAListenerPort() {
        ConnectAttempt attempt = to("54.217.10.21", 443, 16509L);
        assertThat(attempt.answered()).isTrue();
        assertThat(attempt.node().availabilityZone()).isEqualTo("eu-west-1a");
        assertThat(attempt.listener().name()).isEqualTo("HTTPS:443");
    }

    @Test
    void everyOtherSynGoesUnansweredWithoutRst() {
        assertThat(to("203.0.113.9", 443, 16509L).failure()).isEqualTo(FailureCode.ALB_NOT_FOUND);
        ConnectAttempt hijacked = to("54.217.10.21", 443, 2914L);
        assertThat(hijacked.failure()).isEqualTo(FailureCode.ALB_NOT_FOUND);
        assertThat(hijacked.reason()).contains("leads into AS2914, not AS16509");
        ConnectAttempt http = to("54.217.10.21", 80, 16509L);
        assertThat(http.failure()).isEqualTo(FailureCode.ALB_NO_LISTENER);
        assertThat(http.reason()).contains("lets in only port 443").contains("no RST");
        assertThat(http.timeoutMessage(SynRetransmission.LINUX)).startsWith("connection timed out after 127 s");
    }

    @Test
    void everyUnansweredSynEndsInChromesConnectionTimedOut() {
        assertThat(FailureCode.ALB_NOT_FOUND.browserShows()).isEqualTo("ERR_CONNECTION_TIMED_OUT");
        assertThat(FailureCode.ALB_NO_LISTENER.browserShows()).isEqualTo("ERR_CONNECTION_TIMED_OUT");
    }
}

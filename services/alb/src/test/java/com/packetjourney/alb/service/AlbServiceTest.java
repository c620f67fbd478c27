package com.packetjourney.alb.service;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Simulation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlbServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final String LB = "k8s-default-nginx-7f3c2a9d41";
    private static final String CERT = "arn:aws:acm:eu-west-1:111122223333:certificate/5e1c7a2b";
    private static final String TG = "k8s-default-nginx-0a1b2c3d4e";
    private static final long ONE_WAY = 21_000;

    private final AlbService service = new AlbService(Clock.fixed(T0, ZoneOffset.UTC));

    AlbServiceTest() {
        service.world().simulation().accept(Simulation.KEY, new Simulation("eks-nginx", 20230904, T0));
        service.loadBalancers().accept(LB, new LoadBalancer(LB, LB + ".eu-west-1.elb.amazonaws.com", "internet-facing", 16509,
                List.of(new LoadBalancer.AlbNode("eu-west-1a", "54.217.10.21", "10.0.0.10"),
                        new LoadBalancer.AlbNode("eu-west-1b", "54.217.40.22", "10.0.32.10")),
                List.of(new LoadBalancer.Certificate(CERT, List.of("packet-journey.com", "*.packet-journey.com")))));
        service.configs().accept(LB, new AlbConfig(LB, "default/nginx", List.of(new AlbConfig.Listener(443, "HTTPS",
                List.of(CERT), List.of(new AlbConfig.Rule(1, List.of("packet-journey.com"), List.of("/*"), TG)),
                "fixed-response:404")), List.of(new AlbConfig.TargetGroup(TG, "HTTP", 80, "ip",
                "least_outstanding_requests", "default/nginx", 30))));
        register("10.0.1.20", "nginx-a");
        register("10.0.33.5", "nginx-b");
    }

    private void register(String ip, String pod) {
        TargetRegistration t = new TargetRegistration(TG, ip, 80, pod, TargetRegistration.HEALTHY, "reg-" + pod);
        service.onTarget(t.key(), t);
    }

    private static HopEvent routed(String journey, String ip, String host, int port, String path) {
        JourneyContext context = JourneyContext.request("https://" + host + path, "https", host, port, path,
                "laptop", "3c:22:fb:7a:10:01").withLease("192.168.1.100", "192.168.1.1", "192.168.1.1")
                .withServerIp(ip).withRoute(16509L, "198.51.100.23", 40123);
        return HopEvent.first(journey, T0, ONE_WAY, T0, Outcome.ok(), context, new PacketRouted("192.168.1.100",
                "198.51.100.23", ip, port, "TCP", List.of(), List.of(64500L, 3356L, 16509L), "54.216.0.0/15", 16509L));
    }

    private HopEvent respond(HopEvent alb) {
        HopEvent pod = alb.next(500, T0, Outcome.ok(), alb.context(), new PodResponded("node", "10.0.1.17",
                "eu-west-1a", "eni", "nginx-a", alb.context().targetIp(), "ns", "eni1", "eth0", List.of(), 80,
                "nginx/1.27", 200, "HTTP/1.1 200 OK", "e"));
        service.onPodResponded(pod);
        return pod;
    }

    @Test
    void theRequestIsTerminatedMatchedAndForwardedToTheLeastLoadedTarget() {
        HopEvent out = service.handle(routed("j1", "54.217.40.22", "packet-journey.com", 443, "/"));

        assertThat(out.hopType()).isEqualTo(HopType.ALB_FORWARDED);
        assertThat(out.outcome().isOk()).isTrue();
        // TCP one round trip and TLS 1.2 two (the controller's default ELBSecurityPolicy-2016-08), plus the node's
        // processing
        assertThat(out.simLatencyMicros()).isEqualTo(6 * ONE_WAY + AlbService.PROCESSING_MICROS);
        assertThat(((AlbForwarded) out.payload()).tls().version()).isEqualTo("TLSv1.2");
        assertThat(((AlbForwarded) out.payload()).tls().cipher()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
        AlbForwarded p = (AlbForwarded) out.payload();
        assertThat(p.loadBalancer()).isEqualTo(LB);
        assertThat(p.albNodeIp()).isEqualTo("54.217.40.22");
        assertThat(p.availabilityZone()).isEqualTo("eu-west-1b");
        assertThat(p.tcpHandshake()).hasSize(3);
        assertThat(p.tcpHandshake().get(0)).startsWith("SYN 198.51.100.23:").contains("> 54.217.40.22:443");
        assertThat(p.listener()).isEqualTo("HTTPS:443");
        assertThat(p.tls().certificateArn()).isEqualTo(CERT);
        assertThat(p.tls().certificateMatch()).isEqualTo("exact packet-journey.com");
        assertThat(p.rule()).isEqualTo(new AlbForwarded.Rule(1, "host-header packet-journey.com AND path-pattern /*",
                "forward to " + TG));
        assertThat(p.targetGroup()).isEqualTo(TG);
        assertThat(p.algorithm()).isEqualTo("least_outstanding_requests");
        assertThat(p.target()).isEqualTo(new AlbForwarded.Target("10.0.1.20", 80, "nginx-a", "reg-nginx-a"));
        assertThat(p.candidates()).containsExactly(new AlbForwarded.TargetLoad("10.0.1.20", 80, 0),
                new AlbForwarded.TargetLoad("10.0.33.5", 80, 0));
        assertThat(out.context().targetIp()).isEqualTo("10.0.1.20");
        assertThat(out.context().targetPort()).isEqualTo(80);
        // the ALB's own connection from the node's private address, and the headers it adds
        assertThat(p.backendRequest().connection().get(0)).startsWith("SYN 10.0.32.10:").contains("> 10.0.1.20:80 ");
        assertThat(p.backendRequest().requestLine()).isEqualTo("GET / HTTP/1.1");
        assertThat(p.backendRequest().headers()).contains("x-forwarded-for: 198.51.100.23",
                "x-forwarded-proto: https", "x-forwarded-port: 443");

        HopEvent second = service.handle(routed("j2", "54.217.10.21", "packet-journey.com", 443, "/about"));
        assertThat(((AlbForwarded) second.payload()).target().ip()).isEqualTo("10.0.33.5");
        assertThat(service.targetHealth(LB).orElseThrow()).extracting(AlbService.TargetHealth::outstandingRequests)
                .containsExactly(1, 1);

        respond(out);
        assertThat(service.targetHealth(LB).orElseThrow()).extracting(AlbService.TargetHealth::outstandingRequests)
                .containsExactly(0, 1);
    }

    @Test
    void theSameJourneyGivesTheSameHandshake() {
        AlbService other = new AlbService(Clock.fixed(T0, ZoneOffset.UTC));
        other.world().simulation().accept(Simulation.KEY, new Simulation("eks-nginx", 20230904, T0));
        other.loadBalancers().accept(LB, new LoadBalancer(LB, "d", "internet-facing", 16509,
                List.of(new LoadBalancer.AlbNode("eu-west-1b", "54.217.40.22", "10.0.32.10")), List.of()));
        other.configs().accept(LB, new AlbConfig(LB, "i", List.of(new AlbConfig.Listener(443, "HTTPS", List.of(), List.of(),
                "fixed-response:404")), List.of()));
        HopEvent a = service.handle(routed("j1", "54.217.40.22", "packet-journey.com", 443, "/"));
        HopEvent b = other.handle(routed("j1", "54.217.40.22", "packet-journey.com", 443, "/"));
        assertThat(((AlbForwarded) b.payload()).tcpHandshake()).isEqualTo(((AlbForwarded) a.payload()).tcpHandshake());
    }

    @Test
    void anAddressNoNodeOwnsLeavesTheSynUnansweredUntilTheClientGivesUp() {
        HopEvent out = service.handle(routed("j", "203.0.113.9", "packet-journey.com", 443, "/"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.ALB_NOT_FOUND);
        // Linux: 7 SYNs at 0, 1, 3, 7, 15, 31 and 63 s, ETIMEDOUT at 127 s (RFC 6298 backoff, tcp_syn_retries 6)
        assertThat(out.simLatencyMicros()).isEqualTo(127_000_000L);
        assertThat(out.outcome().message()).startsWith("connection timed out after 127 s and 7 SYNs")
                .endsWith("ERR_CONNECTION_TIMED_OUT");
        assertThat(((AlbForwarded) out.payload()).tcpHandshake()).hasSize(8);
    }

    @Test
    void aPortWithoutListenerIsDroppedByTheSecurityGroupAndTimesOut() {
        HopEvent out = service.handle(routed("j", "54.217.10.21", "packet-journey.com", 80, "/"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.ALB_NO_LISTENER);
        assertThat(out.outcome().message()).startsWith("connection timed out").contains("no RST");
        assertThat(out.simLatencyMicros()).isEqualTo(127_000_000L);
        assertThat(((AlbForwarded) out.payload()).loadBalancer()).isEqualTo(LB);
    }

    @Test
    void aRouteIntoAnotherAsReachesNoLoadBalancer() {
        HopEvent routed = routed("j", "54.217.40.22", "packet-journey.com", 443, "/");
        PacketRouted hijacked = new PacketRouted("192.168.1.100", "198.51.100.23", "54.217.40.22", 443, "TCP",
                List.of(), List.of(64500L, 1299L, 2914L), "54.217.40.0/24", 2914L);
        HopEvent out = service.handle(HopEvent.first("j", T0, ONE_WAY, T0, Outcome.ok(),
                routed.context().withRoute(2914L, "198.51.100.23", 40123), hijacked));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.ALB_NOT_FOUND);
        assertThat(out.outcome().message()).contains("AS2914").contains("hijacked");
        assertThat(out.simLatencyMicros()).isEqualTo(127_000_000L);
    }

    @Test
    void aTls13PolicyOnTheListenerGivesTls13InOneRoundTrip() {
        service.configs().accept(LB, new AlbConfig(LB, "default/nginx", List.of(new AlbConfig.Listener(443, "HTTPS",
                List.of(CERT), List.of(new AlbConfig.Rule(1, List.of("packet-journey.com"), List.of("/*"), TG)),
                "fixed-response:404", null, "ELBSecurityPolicy-TLS13-1-2-2021-06")), List.of(new AlbConfig.TargetGroup(
                TG, "HTTP", 80, "ip", "least_outstanding_requests", "default/nginx", 30))));
        HopEvent out = service.handle(routed("j13", "54.217.40.22", "packet-journey.com", 443, "/"));
        assertThat(out.simLatencyMicros()).isEqualTo(4 * ONE_WAY + AlbService.PROCESSING_MICROS);
        assertThat(((AlbForwarded) out.payload()).tls().version()).isEqualTo("TLSv1.3");
        assertThat(((AlbForwarded) out.payload()).tls().cipher()).isEqualTo("TLS_AES_128_GCM_SHA256");
    }

    @Test
    void aNameNoCertificateCoversFailsTheTlsHandshake() {
        HopEvent out = service.handle(routed("j", "54.217.10.21", "example.org", 443, "/"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.ALB_TLS_HANDSHAKE_FAILED);
        assertThat(out.outcome().message()).contains("default certificate " + CERT);
        assertThat(((AlbForwarded) out.payload()).tcpHandshake()).hasSize(3);
    }

    @Test
    void aHostNoRuleMatchesGetsTheDefaultFixedResponse() {
        HopEvent out = service.handle(routed("j", "54.217.10.21", "www.packet-journey.com", 443, "/"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.ALB_NO_RULE);
        assertThat(out.outcome().message()).contains("fixed-response:404").contains("HTTP 404");
        assertThat(((AlbForwarded) out.payload()).tls().certificateMatch()).isEqualTo("wildcard *.packet-journey.com");
    }

    @Test
    void noHealthyTargetIsA503() {
        service.onTarget(TG + "|10.0.1.20:80", null);
        service.onTarget(TG + "|10.0.33.5:80", null);
        HopEvent out = service.handle(routed("j", "54.217.10.21", "packet-journey.com", 443, "/"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.ALB_NO_HEALTHY_TARGET);
        assertThat(out.outcome().message()).startsWith("HTTP 503");
        assertThat(service.targetHealth(LB).orElseThrow()).isEmpty();
    }

    @Test
    void anUnknownLoadBalancerHasNoHealth() {
        assertThat(service.targetHealth("nope")).isEmpty();
    }

    private static HopEvent routedAt(String journey, Instant start) {
        HopEvent routed = routed(journey, "54.217.10.21", "packet-journey.com", 443, "/");
        return HopEvent.first(journey, start, ONE_WAY, T0, Outcome.ok(), routed.context(), routed.payload());
    }

    private static String targetOf(HopEvent alb) {
        return ((AlbForwarded) alb.payload()).target().ip();
    }

    private HopEvent respondAfter(HopEvent alb, long podMicros) {
        HopEvent pod = alb.next(podMicros, T0, Outcome.ok(), alb.context(), new PodResponded("node", "10.0.1.17",
                "eu-west-1a", "eni", "nginx", alb.context().targetIp(), "ns", "eni1", "eth0", List.of(), 80,
                "nginx/1.27", 200, "HTTP/1.1 200 OK", "e"));
        service.onPodResponded(pod);
        return pod;
    }

    @Test
    void aDeregisteredTargetDrainsGetsNoNewRequestAndIsGoneAfterTheDelayInSimulatedTime() {
        HopEvent first = service.handle(routedAt("j1", T0));
        respondAfter(first, 500);
        Instant now = first.simEndedAt();
        TargetRegistration drained = new TargetRegistration(TG, "10.0.1.20", 80, "nginx-a",
                TargetRegistration.DRAINING, "dereg-a");
        service.onTarget(drained.key(), drained);

        assertThat(service.targetHealth(LB).orElseThrow()).first().satisfies(t -> {
            assertThat(t.ip()).isEqualTo("10.0.1.20");
            assertThat(t.state()).isEqualTo(TargetRegistration.DRAINING);
            assertThat(t.reason()).isEqualTo(AlbService.DEREGISTRATION_IN_PROGRESS);
            assertThat(t.drainingUntil()).as("the target group's 30 s delay").isEqualTo(now.plusSeconds(30));
        });
        for (int i = 0; i < 3; i++) {
            HopEvent next = service.handle(routedAt("k" + i, T0.plusSeconds(i)));
            assertThat(targetOf(next)).isEqualTo("10.0.33.5");
            assertThat(((AlbForwarded) next.payload()).candidates()).extracting(AlbForwarded.TargetLoad::ip)
                    .containsExactly("10.0.33.5");
            respondAfter(next, 500);
        }

        TargetRegistration alsoDrained = new TargetRegistration(TG, "10.0.33.5", 80, "nginx-b",
                TargetRegistration.DRAINING, "dereg-b");
        service.onTarget(alsoDrained.key(), alsoDrained);
        HopEvent refused = service.handle(routedAt("m1", T0.plusSeconds(10)));
        assertThat(refused.outcome().code()).isEqualTo(FailureCode.ALB_NO_HEALTHY_TARGET);
        assertThat(refused.outcome().message()).endsWith("(2 draining)");

        HopEvent muchLater = service.handle(routedAt("m2", T0.plusSeconds(120)));
        assertThat(muchLater.outcome().message()).endsWith("(none registered)");
        assertThat(service.targetHealth(LB).orElseThrow()).isEmpty();
    }

    @Test
    void leastOutstandingRequestsAvoidsASlowPodWhileItsAnswerIsOutstandingInSimulatedTime() {
        HopEvent slow = service.handle(routedAt("s", T0));
        assertThat(targetOf(slow)).isEqualTo("10.0.1.20");
        respondAfter(slow, 5_000_000);
        for (int second = 1; second <= 4; second++) {
            HopEvent next = service.handle(routedAt("f" + second, T0.plusSeconds(second)));
            assertThat(targetOf(next)).as("at +%d s", second).isEqualTo("10.0.33.5");
            assertThat(((AlbForwarded) next.payload()).candidates()).containsExactly(
                    new AlbForwarded.TargetLoad("10.0.1.20", 80, 1), new AlbForwarded.TargetLoad("10.0.33.5", 80, 0));
            respondAfter(next, 500);
        }
        assertThat(service.targetHealth(LB).orElseThrow()).extracting(AlbService.TargetHealth::outstandingRequests)
                .containsExactly(1, 0);
        HopEvent after = service.handle(routedAt("after", T0.plusSeconds(6)));
        assertThat(((AlbForwarded) after.payload()).candidates())
                .extracting(AlbForwarded.TargetLoad::outstandingRequests).containsExactly(0, 0);
    }

    /** The 443 listener with {@code rules} ahead of the Ingress's catch-all rule, and an ssl-redirect listener on 80. */
    private void configure(AlbConfig.Rule... rules) {
        List<AlbConfig.Rule> all = new java.util.ArrayList<>(List.of(rules));
        all.add(new AlbConfig.Rule(100, List.of("packet-journey.com"), List.of("/*"), TG));
        AlbConfig.Action toHttps = new AlbConfig.Action("redirect", null, null,
                new AlbConfig.Redirect("HTTPS", "#{host}", "443", "/#{path}", "#{query}", "HTTP_301"));
        service.configs().accept(LB, new AlbConfig(LB, "default/nginx", List.of(
                new AlbConfig.Listener(80, "HTTP", List.of(), List.of(), "redirect:HTTPS:443:HTTP_301", toHttps),
                new AlbConfig.Listener(443, "HTTPS", List.of(CERT), all, "fixed-response:404")),
                List.of(new AlbConfig.TargetGroup(TG, "HTTP", 80, "ip", "least_outstanding_requests",
                        "default/nginx", 30))));
    }

    @Test
    void aFixedResponseRuleAnswersAtTheAlbAndNoTargetIsAsked() {
        configure(new AlbConfig.Rule(1, List.of(), List.of("/maintenance"), null, List.of(),
                new AlbConfig.Action("fixed-response", null,
                        new AlbConfig.FixedResponse("503", "text/plain", "back soon"), null)));
        HopEvent out = service.handle(routed("fr", "54.217.10.21", "packet-journey.com", 443, "/maintenance"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.ALB_FIXED_RESPONSE);
        assertThat(out.outcome().message()).startsWith("HTTP 503 answered by the ALB itself").contains("back soon");
        AlbForwarded p = (AlbForwarded) out.payload();
        assertThat(p.rule()).isEqualTo(new AlbForwarded.Rule(1, "path-pattern /maintenance",
                "fixed-response 503 text/plain"));
        assertThat(p.target()).isNull();
        assertThat(p.targetGroup()).isNull();
        assertThat(out.simLatencyMicros()).isEqualTo(6 * ONE_WAY + AlbService.PROCESSING_MICROS);
    }

    @Test
    void aRedirectRuleEndsTheJourneyAtTheAlbWithItsLocation() {
        configure(new AlbConfig.Rule(1, List.of(), List.of("/old/*"), null, List.of(),
                new AlbConfig.Action("redirect", null, null,
                        new AlbConfig.Redirect(null, "www.#{host}", null, "/new/#{path}", null, "HTTP_302"))));
        HopEvent out = service.handle(routed("rd", "54.217.10.21", "packet-journey.com", 443, "/old/page"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.ALB_REDIRECT);
        assertThat(out.outcome().message())
                .isEqualTo("HTTP 302 Found: rule 1 redirects to Location: https://www.packet-journey.com/new/old/page;"
                        + " the request does not reach a target");
        assertThat(((AlbForwarded) out.payload()).rule().action())
                .isEqualTo("redirect 302 to https://www.packet-journey.com/new/old/page");
    }

    @Test
    void aForwardActionNamesItsTargetGroup() {
        configure(new AlbConfig.Rule(1, List.of(), List.of("/*"), null, List.of(
                new AlbConfig.Condition("source-ip", null, List.of("198.51.100.0/24"), null)),
                new AlbConfig.Action("forward", TG, null, null)));
        HopEvent out = service.handle(routed("fw", "54.217.10.21", "packet-journey.com", 443, "/"));
        assertThat(out.outcome().isOk()).isTrue();
        AlbForwarded p = (AlbForwarded) out.payload();
        assertThat(p.rule()).isEqualTo(new AlbForwarded.Rule(1, "path-pattern /* AND source-ip 198.51.100.0/24",
                "forward to " + TG));
        assertThat(p.target()).isNotNull();
    }

    @Test
    void theSslRedirectListenerSendsHttpToHttps() {
        configure();
        HopEvent out = service.handle(routed("ssl", "54.217.10.21", "packet-journey.com", 80, "/"));
        assertThat(out.outcome().code()).isEqualTo(FailureCode.ALB_REDIRECT);
        assertThat(out.outcome().message()).isEqualTo("HTTP 301 Moved Permanently: the default action of listener "
                + "HTTP:80 redirects to Location: https://packet-journey.com/");
        // No TLS on port 80: the TCP handshake's round trip and the processing only.
        assertThat(out.simLatencyMicros()).isEqualTo(2 * ONE_WAY + AlbService.PROCESSING_MICROS);
        assertThat(((AlbForwarded) out.payload()).tls()).isNull();
    }
}

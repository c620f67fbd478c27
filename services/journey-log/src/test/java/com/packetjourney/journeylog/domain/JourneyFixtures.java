package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The hop events of one journey through the eks-nginx world, as the services would emit them. */
public final class JourneyFixtures {
    public static final String URL = "https://packet-journey.com/";
    public static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");
    public static final String ALB_IP = "54.217.10.21";
    public static final long[] LATENCIES = {0, 2_000, 46_000, 15_500, 4_200, 1_300};

    private JourneyFixtures() {
    }

    /** All six hops of a journey that ends with nginx answering 200. */
    public static List<HopEvent> completed(String journeyId, Instant wallTime) {
        return completed(journeyId, wallTime, "laptop");
    }

    /** A completed journey sent by another client device. */
    public static List<HopEvent> completed(String journeyId, Instant wallTime, String client) {
        List<HopEvent> hops = new ArrayList<>(upToDns(journeyId, wallTime, client));
        HopEvent dns = hops.get(hops.size() - 1);
        JourneyContext routedCtx = dns.context().withRoute(16509L, "198.51.100.23", 40123);
        HopEvent routed = dns.next(LATENCIES[3], wallTime, Outcome.ok(), routedCtx,
                new PacketRouted("192.168.1.100", "198.51.100.23", ALB_IP, 443, "TCP",
                        List.of(new PacketRouted.RouterHop("isp-edge-1", 64500L, "54.216.0.0/15", "4.69.0.1",
                                "AS3356", List.of(3356L, 16509L), 63, 4_000, null)),
                        List.of(3356L, 16509L), "54.216.0.0/15", 16509L));
        HopEvent alb = routed.next(LATENCIES[4], wallTime, Outcome.ok(), routedCtx.withTarget("10.0.1.33", 80, "eu-west-1a"),
                new AlbForwarded("k8s-default-nginx-7f3c2a9d41", ALB_IP, "eu-west-1a", List.of("SYN", "SYN-ACK", "ACK"),
                        "HTTPS:443", new AlbForwarded.Tls("packet-journey.com", "arn:aws:acm:eu-west-1:111122223333:"
                        + "certificate/5e1c7a2b-0d4f-4e8a-9b61-3f2a7c9d0e15", "packet-journey.com", "TLSv1.3",
                        "TLS_AES_128_GCM_SHA256", "h2"),
                        new AlbForwarded.Rule(1, "host-header packet-journey.com, path-pattern /*", "forward"),
                        "k8s-default-nginx", "least_outstanding_requests",
                        new AlbForwarded.Target("10.0.1.33", 80, "default/nginx-1", "alb-controller"),
                        List.of(new AlbForwarded.TargetLoad("10.0.1.33", 80, 0))));
        HopEvent pod = alb.next(LATENCIES[5], wallTime, Outcome.ok(), alb.context(),
                new PodResponded("ip-10-0-1-17.eu-west-1.compute.internal", "10.0.1.17", "eu-west-1a", "eni-1",
                        "default/nginx-1", "10.0.1.33", "cni-1", "eni1a2b3c", "eth0", List.of("VPC route", "veth"),
                        80, "nginx/1.27", 200, "HTTP/1.1 200 OK", "node-cni"));
        hops.addAll(List.of(routed, alb, pod));
        return hops;
    }

    /** A journey whose name does not resolve: three hops, the last one failed with NXDOMAIN. */
    public static List<HopEvent> failedAtDns(String journeyId, Instant wallTime) {
        return failedAtDns(journeyId, wallTime, "laptop");
    }

    public static List<HopEvent> failedAtDns(String journeyId, Instant wallTime, String client) {
        List<HopEvent> hops = new ArrayList<>(upToDns(journeyId, wallTime, client).subList(0, 2));
        HopEvent dhcp = hops.get(1);
        hops.add(dhcp.next(LATENCIES[2], wallTime, Outcome.failed(FailureCode.DNS_NXDOMAIN,
                        "packet-journey.com. does not exist"), dhcp.context(),
                new DnsResolved("packet-journey.com.", "ns-1.awsdns-01.org.", List.of(), List.of(), List.of(), null,
                        null)));
        return hops;
    }

    private static List<HopEvent> upToDns(String journeyId, Instant wallTime, String client) {
        HopEvent requested = HopEvent.first(journeyId, EPOCH, LATENCIES[0], wallTime, Outcome.ok(),
                JourneyContext.request(URL, "https", "packet-journey.com", 443, "/", client, "3c:22:fb:7a:10:01"),
                new JourneyRequested(URL, "GET", client, "3c:22:fb:7a:10:01"));
        HopEvent dhcp = requested.next(LATENCIES[1], wallTime, Outcome.ok(),
                requested.context().withLease("192.168.1.100", "192.168.1.1", "192.168.1.1"),
                new DhcpConfigured("192.168.1.1", DhcpConfigured.MODE_FULL_EXCHANGE, List.of(),
                        new DhcpConfigured.Lease("192.168.1.100", "255.255.255.0", "192.168.1.1",
                                List.of("192.168.1.1"), 86400, EPOCH, EPOCH.plusSeconds(86400), "192.168.1.1"),
                        List.of()));
        HopEvent dns = dhcp.next(LATENCIES[2], wallTime, Outcome.ok(), dhcp.context().withServerIp(ALB_IP),
                new DnsResolved("packet-journey.com.", "ns1.amzndns.com.", List.of(),
                        List.of("k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb.amazonaws.com."),
                        List.of(ALB_IP, "54.217.40.22"), ALB_IP, 60L));
        return List.of(requested, dhcp, dns);
    }

    public static long totalLatency(List<HopEvent> hops) {
        return hops.stream().mapToLong(HopEvent::simLatencyMicros).sum();
    }
}

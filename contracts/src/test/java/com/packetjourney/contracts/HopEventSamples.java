package com.packetjourney.contracts;

import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DhcpConfigured.DhcpMessage;
import com.packetjourney.contracts.hop.DhcpConfigured.DhcpOption;
import com.packetjourney.contracts.hop.DhcpConfigured.RouteEntry;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.DnsResolved.CacheFill;
import com.packetjourney.contracts.hop.DnsResolved.CacheLookup;
import com.packetjourney.contracts.hop.DnsResolved.DnsStep;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PacketRouted.RouterHop;
import com.packetjourney.contracts.hop.PodResponded;

import java.time.Instant;
import java.util.List;

/**
 * One journey through the eks-nginx world, hop by hop, as the services would write it: {@link #ok} with every
 * payload field filled, {@link #failed} as the hop that detects a failure writes it (partial payload, nulls).
 */
final class HopEventSamples {
    static final String URL = "https://packet-journey.com/";
    static final String MAC = "3c:22:fb:7a:10:01";
    static final String LB = "k8s-default-nginx-7f3c2a9d41";
    static final String LB_DNS = LB + "-1580326213.eu-west-1.elb.amazonaws.com.";
    static final String CERT = "arn:aws:acm:eu-west-1:111122223333:certificate/5e1c7a2b-0d4f-4e8a-9b61-3f2a7c9d0e15";
    static final String TARGET_GROUP = "k8s-default-nginx-80-3b9e1c";
    static final String POD = "default/nginx-7c5ddbdf54-x2k9p";
    static final String NODE = "ip-10-0-1-17.eu-west-1.compute.internal";

    private static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");
    private static final Instant WALL = Instant.parse("2026-11-26T10:15:30.123456Z");

    private HopEventSamples() {
    }

    static HopEvent ok(HopType type) {
        return switch (type) {
            case JOURNEY_REQUESTED -> requested();
            case DHCP_CONFIGURED -> dhcp();
            case DNS_RESOLVED -> dns();
            case PACKET_ROUTED -> route();
            case ALB_FORWARDED -> alb();
            case POD_RESPONDED -> pod();
        };
    }

    static HopEvent failed(HopType type) {
        return switch (type) {
            case JOURNEY_REQUESTED -> HopEvent.first("j-schema-unknown", EPOCH, 0, WALL,
                    Outcome.failed(FailureCode.UNKNOWN_CLIENT, "no client named toaster in the world"),
                    JourneyContext.request(URL, "https", "packet-journey.com", 443, "/", "toaster", null),
                    new JourneyRequested(URL, "GET", "toaster", null));
            case DHCP_CONFIGURED -> requested().next(0, WALL,
                    Outcome.failed(FailureCode.DHCP_NO_LAN, "no DHCP server for client laptop"),
                    requested().context(),
                    new DhcpConfigured(null, DhcpConfigured.MODE_NO_OFFER, List.of(), null, List.of()));
            case DNS_RESOLVED -> dhcp().next(21_000, WALL,
                    Outcome.failed(FailureCode.DNS_NXDOMAIN, "www2.packet-journey.com. does not exist"),
                    dhcp().context(),
                    new DnsResolved("www2.packet-journey.com. IN A", DnsResolved.BY_ITERATIVE, List.of(
                            new DnsStep("ns-1.awsdns-01.org.", "205.251.192.1", "packet-journey.com.",
                                    "www2.packet-journey.com. IN A", "NXDOMAIN",
                                    ";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN", 9_000,
                                    "EjQAAAABAAAAAAAABHd3dzIOcGFja2V0LWpvdXJuZXkDY29tAAABAAE=", null)),
                            List.of(), List.of(), null, null,
                            List.of(new CacheLookup("browser", CacheLookup.MISS, null),
                                    new CacheLookup("os", CacheLookup.EXPIRED, -3L),
                                    new CacheLookup("router", CacheLookup.MISS, null),
                                    new CacheLookup("resolver", CacheLookup.MISS, null)),
                            List.of(new CacheFill("resolver", "198.51.100.53", "www2.packet-journey.com.", "ANY",
                                    "NXDOMAIN", List.of("packet-journey.com.\t300\tIN\tSOA\tns-1.awsdns-01.org. "
                                            + "awsdns-hostmaster.amazon.com. 1 7200 900 1209600 300")))));
            case PACKET_ROUTED -> dns().next(500, WALL,
                    Outcome.failed(FailureCode.NO_ROUTE, "isp-edge-1 has no route to 203.0.113.9"),
                    dns().context(),
                    new PacketRouted("192.168.1.100", null, "203.0.113.9", 443, "TCP", List.of(
                            new RouterHop("isp-edge-1", 64500L, null, null, null, null, 63, 500,
                                    "no route to 203.0.113.9")),
                            null, null, null));
            case ALB_FORWARDED -> route().next(1_800, WALL,
                    Outcome.failed(FailureCode.ALB_NO_HEALTHY_TARGET, "target group " + TARGET_GROUP
                            + " has no healthy target"),
                    route().context(),
                    new AlbForwarded(LB, "54.217.10.21", "eu-west-1a", handshake(), "HTTPS:443", tls(), rule(),
                            TARGET_GROUP, "least_outstanding_requests", null, List.of()));
            case POD_RESPONDED -> alb().next(300, WALL,
                    Outcome.failed(FailureCode.POD_NOT_FOUND, "no pod owns 10.0.1.99"),
                    alb().context(),
                    new PodResponded(null, null, null, null, null, "10.0.1.99", null, null, null,
                            List.of("VPC route table: 10.0.0.0/16 local", "no ENI in the VPC owns 10.0.1.99"),
                            0, null, 502, "HTTP/1.1 502 Bad Gateway", null));
        };
    }

    private static HopEvent requested() {
        return HopEvent.first("j-schema-1", EPOCH, 1_500, WALL, Outcome.ok(),
                JourneyContext.request(URL, "https", "packet-journey.com", 443, "/", "laptop", MAC),
                new JourneyRequested(URL, "GET", "laptop", MAC));
    }

    private static HopEvent dhcp() {
        String xid = "0x3903f326";
        List<DhcpOption> ack = List.of(
                new DhcpOption(53, "DHCP Message Type", "5 (DHCPACK)"),
                new DhcpOption(54, "Server Identifier", "192.168.1.1"),
                new DhcpOption(51, "IP Address Lease Time", "86400 s"),
                new DhcpOption(1, "Subnet Mask", "255.255.255.0"),
                new DhcpOption(3, "Router", "192.168.1.1"),
                new DhcpOption(6, "Domain Name Server", "192.168.1.1"));
        List<DhcpMessage> exchange = List.of(
                new DhcpMessage("DHCPDISCOVER", xid, "0.0.0.0:68", "255.255.255.255:67", "0.0.0.0", "0.0.0.0", MAC,
                        List.of(new DhcpOption(53, "DHCP Message Type", "1 (DHCPDISCOVER)"))),
                new DhcpMessage("DHCPOFFER", xid, "192.168.1.1:67", "255.255.255.255:68", "0.0.0.0", "192.168.1.100",
                        MAC, ack),
                new DhcpMessage("DHCPREQUEST", xid, "0.0.0.0:68", "255.255.255.255:67", "0.0.0.0", "0.0.0.0", MAC,
                        List.of(new DhcpOption(50, "Requested IP Address", "192.168.1.100"))),
                new DhcpMessage("DHCPACK", xid, "192.168.1.1:67", "255.255.255.255:68", "0.0.0.0", "192.168.1.100",
                        MAC, ack));
        Instant bound = requested().simEndedAt();
        DhcpConfigured.Lease lease = new DhcpConfigured.Lease("192.168.1.100", "255.255.255.0", "192.168.1.1",
                List.of("192.168.1.1"), 86_400, bound, bound.plusSeconds(86_400), "192.168.1.1");
        List<RouteEntry> routes = List.of(
                new RouteEntry("0.0.0.0/0", "192.168.1.1", "en0", "dhcp"),
                new RouteEntry("192.168.1.0/24", "link#en0", "en0", "connected"));
        return requested().next(2_000, WALL, Outcome.ok(),
                requested().context().withLease("192.168.1.100", "192.168.1.1", "192.168.1.1"),
                new DhcpConfigured("192.168.1.1", DhcpConfigured.MODE_FULL_EXCHANGE, exchange, lease, routes));
    }

    private static HopEvent dns() {
        String q = "packet-journey.com. IN A";
        List<DnsStep> steps = List.of(
                new DnsStep("a.root-servers.net.", "198.41.0.4", ".", q, "REFERRAL",
                        "com. 172800 IN NS a.gtld-servers.net.", 12_000,
                        "q80AAAABAAAAAAAADnBhY2tldC1qb3VybmV5A2NvbQAAAQAB",
                        "q82AAAABAAAAAQABDnBhY2tldC1qb3VybmV5A2NvbQAAAQABwBsAAgABAAKjAAAUAWEMZ3RsZC1zZXJ2ZXJzA25ldADA"
                                + "MAABAAEAAqMAAATABQYe"),
                new DnsStep("a.gtld-servers.net.", "192.5.6.30", "com.", q, "REFERRAL",
                        "packet-journey.com. 172800 IN NS ns-1.awsdns-01.org.", 18_000),
                new DnsStep("ns-1.awsdns-01.org.", "205.251.192.1", "packet-journey.com.", q, "CNAME",
                        "packet-journey.com. 300 IN CNAME " + LB_DNS, 9_000),
                new DnsStep("ns1.amzndns.com.", "205.251.242.103", "amazonaws.com.", LB_DNS + " IN A", "ANSWER",
                        LB_DNS + " 60 IN A 54.217.10.21", 7_000));
        return dhcp().next(46_000, WALL, Outcome.ok(), dhcp().context().withServerIp("54.217.10.21"),
                new DnsResolved(q, DnsResolved.BY_ITERATIVE, steps, List.of("packet-journey.com.", LB_DNS),
                        List.of("54.217.10.21", "54.217.40.22"), "54.217.10.21", 60L,
                        List.of(new CacheLookup("browser", CacheLookup.EXPIRED, -12L),
                                new CacheLookup("os", CacheLookup.MISS, null),
                                new CacheLookup("router", CacheLookup.MISS, null),
                                new CacheLookup("resolver", CacheLookup.MISS, null)),
                        List.of(new CacheFill("resolver", "198.51.100.53", "com.", "NS", null,
                                        List.of("com.\t172800\tIN\tNS\ta.gtld-servers.net.")),
                                new CacheFill("router", "home", "packet-journey.com.", "A", null, List.of(
                                        "packet-journey.com.\t60\tIN\tCNAME\t" + LB_DNS,
                                        LB_DNS + "\t60\tIN\tA\t54.217.10.21",
                                        LB_DNS + "\t60\tIN\tA\t54.217.40.22")))));
    }

    private static HopEvent route() {
        List<RouterHop> path = List.of(
                new RouterHop("home-router", null, "0.0.0.0/0", "198.51.100.1", "wan0", List.of(), 63, 500,
                        "NAT 192.168.1.100:50432 -> 198.51.100.23:50432"),
                new RouterHop("isp-edge-1", 64500L, "54.216.0.0/15", "4.69.0.1", "eBGP AS3356",
                        List.of(3356L, 16509L), 62, 4_000, null),
                new RouterHop("lumen-core-1", 3356L, "54.216.0.0/15", "52.93.0.1", "eBGP AS16509",
                        List.of(16509L), 61, 6_000, "peer route"),
                new RouterHop("aws-border-dub-1", 16509L, "54.216.0.0/15", "54.217.10.21", "AWS backbone",
                        List.of(), 60, 0, "originated here"));
        return dns().next(10_500, WALL, Outcome.ok(), dns().context().withRoute(16509L, "198.51.100.23", 40123),
                new PacketRouted("192.168.1.100", "198.51.100.23", "54.217.10.21", 443, "TCP", path,
                        List.of(3356L, 16509L), "54.216.0.0/15", 16509L));
    }

    private static HopEvent alb() {
        return route().next(1_800, WALL, Outcome.ok(), route().context().withTarget("10.0.1.23", 80, "eu-west-1a"),
                new AlbForwarded(LB, "54.217.10.21", "eu-west-1a", handshake(), "HTTPS:443", tls(), rule(),
                        TARGET_GROUP, "least_outstanding_requests",
                        new AlbForwarded.Target("10.0.1.23", 80, POD, "6f1c0d4e-7a52-3b1e-9c0f-2d8e4a6b9f10"),
                        List.of(new AlbForwarded.TargetLoad("10.0.1.23", 80, 0),
                                new AlbForwarded.TargetLoad("10.0.33.7", 80, 1))));
    }

    private static HopEvent pod() {
        return alb().next(300, WALL, Outcome.ok(), alb().context(),
                new PodResponded(NODE, "10.0.1.17", "eu-west-1a", "eni-0b7d3c2a1f9e84d56", POD, "10.0.1.23",
                        "/var/run/netns/cni-5c1f0e2a", "eni4a1b2c3d5e6", "eth0", List.of(
                        "VPC route table: 10.0.0.0/16 local -> eni-0b7d3c2a1f9e84d56",
                        "host route: 10.0.1.23 dev eni4a1b2c3d5e6 scope link",
                        "veth eni4a1b2c3d5e6 -> eth0 in /var/run/netns/cni-5c1f0e2a"),
                        80, "nginx/1.27", 200, "HTTP/1.1 200 OK", "0a7e4c1b-2f3d-3e5a-8b9c-1d2e3f4a5b6c",
                        "5d0c2b7e-91a4-3f6e-b2c8-7e1f0a9d3c45"));
    }

    private static List<String> handshake() {
        return List.of("SYN 198.51.100.23:50432 > 54.217.10.21:443", "SYN-ACK 54.217.10.21:443 > 198.51.100.23:50432",
                "ACK 198.51.100.23:50432 > 54.217.10.21:443");
    }

    private static AlbForwarded.Tls tls() {
        return new AlbForwarded.Tls("packet-journey.com", CERT, "packet-journey.com", "TLSv1.3",
                "TLS_AES_128_GCM_SHA256", "http/1.1");
    }

    private static AlbForwarded.Rule rule() {
        return new AlbForwarded.Rule(1, "host-header packet-journey.com AND path-pattern /*",
                "forward to " + TARGET_GROUP);
    }
}

package com.packetjourney.dns.domain;

import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.DnsZone.NameServer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Zones for tests: those of scenarios/eks-nginx.yaml, and helpers to build small worlds around them. */
public final class TestZones {
    public static final String ALB_NAME = "k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb.amazonaws.com.";

    public static final DnsZone ROOT = new DnsZone(".", List.of(
            new NameServer("a.root-servers.net.", "198.41.0.4", 12000)), """
            $TTL 518400
            .                    IN SOA  a.root-servers.net. nstld.verisign-grs.com. 2026010100 1800 900 604800 86400
            .                    IN NS   a.root-servers.net.
            a.root-servers.net.  IN A    198.41.0.4
            com.         172800  IN NS   a.gtld-servers.net.
            a.gtld-servers.net. 172800 IN A 192.5.6.30
            """);

    public static final DnsZone COM = new DnsZone("com.", List.of(
            new NameServer("a.gtld-servers.net.", "192.5.6.30", 18000)), """
            $TTL 172800
            com.                 IN SOA  a.gtld-servers.net. nstld.verisign-grs.com. 2026010100 1800 900 604800 900
            com.                 IN NS   a.gtld-servers.net.
            packet-journey.com.  IN NS   ns-1.awsdns-01.org.
            ns-1.awsdns-01.org.  IN A    205.251.192.1
            amazonaws.com.       IN NS   ns1.amzndns.com.
            ns1.amzndns.com.     IN A    205.251.242.103
            """);

    public static final DnsZone PACKET_JOURNEY = new DnsZone("packet-journey.com.", List.of(
            new NameServer("ns-1.awsdns-01.org.", "205.251.192.1", 9000)), """
            $TTL 300
            @      IN SOA  ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 300
            @      IN NS   ns-1.awsdns-01.org.
            @      IN CNAME k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb.amazonaws.com.
            """);

    public static final DnsZone AMAZONAWS = new DnsZone("amazonaws.com.", List.of(
            new NameServer("ns1.amzndns.com.", "205.251.242.103", 7000)), """
            $TTL 60
            @      IN SOA  ns1.amzndns.com. root.amzndns.com. 1 3600 900 604800 60
            @      IN NS   ns1.amzndns.com.
            k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb 60 IN A 54.217.10.21
            k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb 60 IN A 54.217.40.22
            """);

    public static List<DnsZone> scenario() {
        return List.of(ROOT, COM, PACKET_JOURNEY, AMAZONAWS);
    }

    /** The zone with extra records appended to its master file. */
    public static DnsZone withRecords(DnsZone zone, String records) {
        return new DnsZone(zone.origin(), zone.servers(), zone.masterFile() + records);
    }

    public static DnsZone zone(String origin, String serverName, String ip, long rttMicros, String masterFile) {
        return new DnsZone(origin, List.of(new NameServer(serverName, ip, rttMicros)), masterFile);
    }

    public static AuthoritativeServers servers(Collection<DnsZone> zones) {
        List<AuthoritativeServers.HostedZone> hosted = new ArrayList<>();
        zones.forEach(z -> hosted.add(new AuthoritativeServers.HostedZone(Zone.parse(z.origin(), z.masterFile()),
                z.servers())));
        return new AuthoritativeServers(hosted);
    }

    private TestZones() {
    }
}

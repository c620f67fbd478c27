package com.packetjourney.dns.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.DnsZone.NameServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Zones for tests: those of scenarios/eks-nginx.yaml as the file has them, and helpers to build small worlds. */
public final class TestZones {
    public static final String ALB_NAME = "k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb.amazonaws.com.";
    private static final Map<String, DnsZone> SCENARIO = readScenario();

    public static final DnsZone ROOT = SCENARIO.get(".");
    public static final DnsZone COM = SCENARIO.get("com.");
    public static final DnsZone ORG = SCENARIO.get("org.");
    public static final DnsZone AWSDNS = SCENARIO.get("awsdns-01.org.");
    public static final DnsZone PACKET_JOURNEY = SCENARIO.get("packet-journey.com.");
    public static final DnsZone AMAZONAWS = SCENARIO.get("amazonaws.com.");

    public static List<DnsZone> scenario() {
        return List.copyOf(SCENARIO.values());
    }

    private static Map<String, DnsZone> readScenario() {
        try {
            JsonNode zones = new ObjectMapper(new YAMLFactory())
                    .readTree(Path.of("../../scenarios/eks-nginx.yaml").toFile()).path("dnsZones");
            Map<String, DnsZone> byOrigin = new LinkedHashMap<>();
            zones.forEach(z -> {
                DnsZone zone = Json.mapper().convertValue(z, DnsZone.class);
                byOrigin.put(zone.origin(), zone);
            });
            return byOrigin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario's zones with those of the same origins replaced. */
    public static List<DnsZone> scenarioWith(DnsZone... replacements) {
        Map<String, DnsZone> zones = new LinkedHashMap<>(SCENARIO);
        for (DnsZone z : replacements) {
            zones.put(z.origin(), z);
        }
        return List.copyOf(zones.values());
    }

    /** The zone with extra records appended to its master file. */
    public static DnsZone withRecords(DnsZone zone, String records) {
        return new DnsZone(zone.origin(), zone.servers(), zone.masterFile() + records, zone.aliases());
    }

    public static DnsZone zone(String origin, String serverName, String ip, long rttMicros, String masterFile) {
        return new DnsZone(origin, List.of(new NameServer(serverName, ip, rttMicros)), masterFile);
    }

    public static AuthoritativeServers servers(Collection<DnsZone> zones) {
        List<AuthoritativeServers.HostedZone> hosted = new ArrayList<>();
        zones.forEach(z -> hosted.add(new AuthoritativeServers.HostedZone(Zone.parse(z.origin(), z.masterFile(),
                z.aliases()), z.servers())));
        return new AuthoritativeServers(hosted);
    }

    private TestZones() {
    }
}

package com.packetjourney.contracts.world;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.K8sObject;

import java.util.ArrayList;
import java.util.List;

/** A whole world as written in a scenario file; {@link #worldRecords()} is what loading it publishes. */
public record Scenario(
        Simulation simulation,
        List<ClientDevice> clients,
        List<LanSegment> lans,
        List<DnsZone> dnsZones,
        List<AutonomousSystem> autonomousSystems,
        List<LoadBalancer> loadBalancers,
        List<K8sObject> kubernetes) {

    /** One keyed record on a compacted world topic. */
    public record WorldRecord(String topic, String key, Object value) {
    }

    public List<WorldRecord> worldRecords() {
        List<WorldRecord> records = new ArrayList<>();
        records.add(new WorldRecord(Topics.WORLD_SIMULATION, Simulation.KEY, simulation));
        nonNull(clients).forEach(c -> records.add(new WorldRecord(Topics.WORLD_CLIENTS, c.name(), c)));
        nonNull(lans).forEach(l -> records.add(new WorldRecord(Topics.WORLD_LANS, l.id(), l)));
        nonNull(dnsZones).forEach(z -> records.add(new WorldRecord(Topics.WORLD_DNS_ZONES, z.origin(), z)));
        nonNull(autonomousSystems).forEach(a -> records.add(
                new WorldRecord(Topics.WORLD_AUTONOMOUS_SYSTEMS, asKey(a.asn()), a)));
        nonNull(loadBalancers).forEach(lb -> records.add(new WorldRecord(Topics.WORLD_LOAD_BALANCERS, lb.name(), lb)));
        nonNull(kubernetes).forEach(o -> records.add(new WorldRecord(Topics.WORLD_K8S_MANIFESTS, o.key(), o)));
        return records;
    }

    public static String asKey(long asn) {
        return "AS" + asn;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}

package com.packetjourney.bgp.messaging;

import com.packetjourney.bgp.EksNginxScenario;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * Publishes the world before the service starts, so its tail has read all of it before the first hop: the
 * scenario's simulation and AS records (the scenario's own values, harmless to share) and a LAN and client of these
 * tests only.
 */
public class RoutedWorld implements QuarkusTestResourceLifecycleManager {
    public static final String LAN_ID = "route-it-lan";
    public static final String CLIENT = "route-it-laptop";
    public static final String CLIENT_MAC = "02:00:00:00:77:01";
    public static final String CLIENT_IP = "10.77.0.100";
    public static final String GATEWAY = "10.77.0.1";
    public static final String WAN_IP = "198.51.100.77";
    public static final long LINK_LATENCY = 700;
    public static final LanSegment LAN = new LanSegment(LAN_ID, "10.77.0.0/24", "route-it-router", GATEWAY, WAN_IP,
            64500, "10.77.0.100", "10.77.0.199", 600, List.of(GATEWAY), "198.51.100.53", LINK_LATENCY);

    @Override
    public Map<String, String> start() {
        Scenario scenario = EksNginxScenario.scenario();
        TopicProbe.send(Topics.WORLD_SIMULATION, Simulation.KEY, Json.write(scenario.simulation()));
        scenario.autonomousSystems().forEach(as ->
                TopicProbe.send(Topics.WORLD_AUTONOMOUS_SYSTEMS, Scenario.asKey(as.asn()), Json.write(as)));
        TopicProbe.send(Topics.WORLD_LANS, LAN_ID, Json.write(LAN));
        TopicProbe.send(Topics.WORLD_CLIENTS, CLIENT, Json.write(new ClientDevice(CLIENT, CLIENT_MAC, LAN_ID)));
        return Map.of();
    }

    @Override
    public void stop() {
        // the records stay with the shared broker, which stops with the test JVM
    }
}

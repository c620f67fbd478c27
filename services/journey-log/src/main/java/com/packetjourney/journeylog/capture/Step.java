package com.packetjourney.journeylog.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing that happened inside a hop, on the simulated timeline: a DHCP message on its way, a DNS query and its
 * response, a router forwarding the packet, the TCP or TLS handshake, the HTTP exchange. {@code kind} groups them
 * (dhcp, cache, dns, router, tcp, tls, alb, http); {@code attributes} are named as OpenTelemetry's semantic
 * conventions name them where these have a name; {@code packets} are the frames the step put on a wire;
 * {@code children} the steps it contains (the resolver's queries inside the forwarder's).
 */
public record Step(String name, String kind, Instant start, long durationMicros, Map<String, Object> attributes,
                   List<Event> events, List<CapturedPacket> packets, List<Step> children) {

    /** Something that happened at an instant during the step (a cache consulted, a data-path decision). */
    public record Event(Instant at, String name) {
    }

    public static Step of(String name, String kind, Instant start, long durationMicros) {
        return new Step(name, kind, start, Math.max(0, durationMicros), new LinkedHashMap<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
    }

    /** Adds an attribute unless its value is null. */
    public Step attr(String key, Object value) {
        if (value != null) {
            attributes.put(key, value);
        }
        return this;
    }

    public Step event(Instant at, String name) {
        events.add(new Event(at, name));
        return this;
    }

    public Step packet(CapturedPacket packet) {
        if (packet != null) {
            packets.add(packet);
        }
        return this;
    }

    public Step child(Step step) {
        children.add(step);
        return this;
    }

    public Instant end() {
        return start.plus(Duration.ofNanos(durationMicros * 1000));
    }

    /** This step's packets and those of every step inside it. */
    public List<CapturedPacket> allPackets() {
        List<CapturedPacket> all = new ArrayList<>(packets);
        children.forEach(c -> all.addAll(c.allPackets()));
        return all;
    }
}

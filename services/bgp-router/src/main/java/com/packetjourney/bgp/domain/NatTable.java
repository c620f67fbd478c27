package com.packetjourney.bgp.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The home router's NAPT table (RFC 3022), behaving as RFC 4787 asks: endpoint-independent mapping (REQ-1), so an
 * inside address and port keep one outside port whatever the destination; port preservation where the port is
 * free (§4.2.1), else the next free port of the same range (ports from 1024 stay in 1024-65535, REQ-3); mappings
 * expire after being idle for their timeout: for TCP (RFC 5382 REQ-5) 2 h 4 min once established and 4 min while
 * only the SYN has gone out, for UDP 5 min (RFC 4787 REQ-5's recommendation). Time is simulated.
 */
public final class NatTable {
    public static final Duration TCP_ESTABLISHED_IDLE = Duration.ofMinutes(124);
    public static final Duration TCP_TRANSITORY_IDLE = Duration.ofMinutes(4);
    public static final Duration UDP_IDLE = Duration.ofMinutes(5);
    private static final int FIRST_UNPRIVILEGED = 1024;
    private static final int LAST_PORT = 65535;

    /** One mapping, the destinations it has been used towards, and when it was last used. */
    public record Mapping(String protocol, String insideIp, int insidePort, String outsideIp, int outsidePort,
                          Set<String> destinations, boolean established, Instant lastUsed) {

        public Instant expiresAt() {
            Duration idle = !"TCP".equals(protocol) ? UDP_IDLE
                    : established ? TCP_ESTABLISHED_IDLE : TCP_TRANSITORY_IDLE;
            return lastUsed.plus(idle);
        }

        public NatBinding binding() {
            return new NatBinding(insideIp, insidePort, outsideIp, outsidePort);
        }
    }

    private final String outsideIp;
    /** Mappings by protocol and inside endpoint. */
    private final Map<String, Mapping> byInside = new HashMap<>();

    public NatTable(String outsideIp) {
        this.outsideIp = outsideIp;
    }

    /**
     * The mapping for a packet leaving from {@code insideIp:insidePort} to {@code destination} at {@code at}: the
     * existing one of that inside endpoint (refreshed), else a new one.
     */
    public Mapping outbound(String protocol, String insideIp, int insidePort, String destination, Instant at) {
        expire(at);
        String key = key(protocol, insideIp, insidePort);
        Mapping existing = byInside.get(key);
        Set<String> destinations = new LinkedHashSet<>();
        int port;
        boolean established = false;
        if (existing != null) {
            destinations.addAll(existing.destinations());
            port = existing.outsidePort();
            established = existing.established();
        } else {
            port = freePort(protocol, insidePort);
        }
        destinations.add(destination);
        Mapping mapping = new Mapping(protocol, insideIp, insidePort, outsideIp, port, Set.copyOf(destinations),
                established, at);
        byInside.put(key, mapping);
        return mapping;
    }

    /** The answer came back (the SYN-ACK for TCP): the mapping is established and refreshed. */
    public Optional<Mapping> inbound(String protocol, int outsidePort, Instant at) {
        expire(at);
        Optional<Mapping> found = byInside.values().stream()
                .filter(m -> m.protocol().equals(protocol) && m.outsidePort() == outsidePort).findFirst();
        found.ifPresent(m -> byInside.put(key(protocol, m.insideIp(), m.insidePort()), new Mapping(m.protocol(),
                m.insideIp(), m.insidePort(), m.outsideIp(), m.outsidePort(), m.destinations(), true, at)));
        return found.map(m -> byInside.get(key(protocol, m.insideIp(), m.insidePort())));
    }

    /** The mappings alive at {@code at}, by outside port. */
    public List<Mapping> mappings(Instant at) {
        expire(at);
        return byInside.values().stream().sorted(Comparator.comparingInt(Mapping::outsidePort)).toList();
    }

    private void expire(Instant at) {
        byInside.values().removeIf(m -> !at.isBefore(m.expiresAt()));
    }

    /** The inside port if no mapping of the protocol uses it outside, else the next free one in its range. */
    private int freePort(String protocol, int wanted) {
        Set<Integer> used = new LinkedHashSet<>();
        byInside.values().stream().filter(m -> m.protocol().equals(protocol)).forEach(m -> used.add(m.outsidePort()));
        int low = wanted >= FIRST_UNPRIVILEGED ? FIRST_UNPRIVILEGED : 1;
        int high = wanted >= FIRST_UNPRIVILEGED ? LAST_PORT : FIRST_UNPRIVILEGED - 1;
        List<Integer> candidates = new ArrayList<>();
        for (int p = wanted; p <= high; p++) {
            candidates.add(p);
        }
        for (int p = low; p < wanted; p++) {
            candidates.add(p);
        }
        return candidates.stream().filter(p -> !used.contains(p)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no free " + protocol + " port left on " + outsideIp));
    }

    private static String key(String protocol, String ip, int port) {
        return protocol + " " + ip + ":" + port;
    }
}

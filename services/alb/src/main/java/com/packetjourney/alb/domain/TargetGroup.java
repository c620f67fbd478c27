package com.packetjourney.alb.domain;

import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.k8s.TargetRegistration;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target group's registered targets and the requests outstanding on each (forwarded, response not yet back).
 * Round robin takes the healthy targets in turn; least outstanding requests takes the healthy target with the
 * fewest, ties going to the first in the same rotating order, so equal loads still spread.
 */
public final class TargetGroup {
    private static final Comparator<TargetRegistration> ORDER = Comparator
            .comparingLong((TargetRegistration t) -> ipOrder(t.ip())).thenComparing(TargetRegistration::ip)
            .thenComparingInt(TargetRegistration::port);

    private final String name;
    private final Map<String, TargetRegistration> targets = new HashMap<>();
    private final Map<String, Integer> outstanding = new HashMap<>();
    private int next;

    public TargetGroup(String name) {
        this.name = name;
    }

    /** The chosen target and every healthy target's outstanding requests when it was chosen. */
    public record Pick(TargetRegistration target, List<AlbForwarded.TargetLoad> candidates) {
    }

    public String name() {
        return name;
    }

    public void register(TargetRegistration target) {
        targets.put(endpoint(target.ip(), target.port()), target);
    }

    public void deregister(String ip, int port) {
        targets.remove(endpoint(ip, port));
        outstanding.remove(endpoint(ip, port));
    }

    /** Picks a healthy target and counts one more request outstanding on it; empty when none is healthy. */
    public Optional<Pick> pick(LoadBalancingAlgorithm algorithm) {
        List<TargetRegistration> healthy = targets().stream()
                .filter(t -> TargetRegistration.HEALTHY.equals(t.state())).toList();
        if (healthy.isEmpty()) {
            return Optional.empty();
        }
        List<AlbForwarded.TargetLoad> candidates = healthy.stream()
                .map(t -> new AlbForwarded.TargetLoad(t.ip(), t.port(), outstanding(t.ip(), t.port()))).toList();
        int start = next % healthy.size();
        int chosen = start;
        if (algorithm == LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS) {
            for (int i = 0; i < healthy.size(); i++) {
                int index = (start + i) % healthy.size();
                if (candidates.get(index).outstandingRequests() < candidates.get(chosen).outstandingRequests()) {
                    chosen = index;
                }
            }
        }
        next = chosen + 1;
        TargetRegistration target = healthy.get(chosen);
        outstanding.merge(endpoint(target.ip(), target.port()), 1, Integer::sum);
        return Optional.of(new Pick(target, candidates));
    }

    /** The response of one request to this target came back (or the request failed). */
    public void release(String ip, int port) {
        outstanding.computeIfPresent(endpoint(ip, port), (k, n) -> n > 1 ? n - 1 : null);
    }

    public int outstanding(String ip, int port) {
        return outstanding.getOrDefault(endpoint(ip, port), 0);
    }

    /** Every registered target, healthy or not, by address. */
    public List<TargetRegistration> targets() {
        return targets.values().stream().sorted(ORDER).toList();
    }

    private static String endpoint(String ip, int port) {
        return ip + ":" + port;
    }

    /** Dotted-quad addresses in numeric order; anything else after them. */
    private static long ipOrder(String ip) {
        String[] octets = ip.split("\\.");
        if (octets.length != 4) {
            return Long.MAX_VALUE;
        }
        long value = 0;
        for (String octet : octets) {
            try {
                value = value * 256 + Integer.parseInt(octet);
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        return value;
    }
}

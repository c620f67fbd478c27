package com.packetjourney.alb.domain;

import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.k8s.TargetRegistration;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target group's registered targets and the requests outstanding on each. Round robin takes the healthy targets
 * in turn; least outstanding requests takes the healthy target with the fewest, ties going to the first in the same
 * rotating order, so equal loads still spread.
 *
 * <p>Time is simulated. A request is outstanding on its target from the instant it was forwarded until the instant
 * its response came back; while its response has not been seen it counts at any instant. Requests forwarded at the
 * same instant do not count against each other: journeys sent without a start time all begin at the scenario's
 * epoch, one after the other, and are not concurrent.
 *
 * <p>A deregistered target drains: it takes no new request and is gone once the target group's deregistration
 * delay has passed (ELB user guide, "Deregistration delay"). The delay runs from the load balancer's "now" when the
 * deregistration arrived, or from the first "now" it learns after that.
 */
public final class TargetGroup {
    private static final Comparator<TargetRegistration> ORDER = Comparator
            .comparingLong((TargetRegistration t) -> ipOrder(t.ip())).thenComparing(TargetRegistration::ip)
            .thenComparingInt(TargetRegistration::port);

    private final String name;
    private final Map<String, TargetRegistration> targets = new HashMap<>();
    private final Map<String, Draining> draining = new HashMap<>();
    /** Requests by journey id. */
    private final Map<String, Request> requests = new LinkedHashMap<>();
    private int next;

    /** When a draining target is gone; null until the load balancer knows a simulated "now". */
    private record Draining(Duration delay, Instant until) {
    }

    private record Request(String endpoint, Instant forwardedAt, Instant respondedAt) {
        boolean outstandingAt(Instant at) {
            return respondedAt == null || at != null && forwardedAt.isBefore(at) && at.isBefore(respondedAt);
        }
    }

    public TargetGroup(String name) {
        this.name = name;
    }

    /** The chosen target and every healthy target's outstanding requests when it was chosen. */
    public record Pick(TargetRegistration target, List<AlbForwarded.TargetLoad> candidates) {
    }

    public String name() {
        return name;
    }

    /**
     * Registers a target, or for a draining registration starts its draining (once: a target already draining keeps
     * its end); {@code now} may be null when no journey has been seen yet.
     */
    public void register(TargetRegistration target, Duration deregistrationDelay, Instant now) {
        String endpoint = endpoint(target.ip(), target.port());
        targets.put(endpoint, target);
        if (TargetRegistration.DRAINING.equals(target.state())) {
            draining.putIfAbsent(endpoint, new Draining(deregistrationDelay,
                    now == null ? null : now.plus(deregistrationDelay)));
        } else {
            draining.remove(endpoint);
        }
    }

    /** The target is gone at once (its registration was deleted). */
    public void deregister(String ip, int port) {
        String endpoint = endpoint(ip, port);
        targets.remove(endpoint);
        draining.remove(endpoint);
        requests.values().removeIf(r -> r.endpoint().equals(endpoint));
    }

    /**
     * The load balancer's simulated "now" moved on: draining targets whose delay has passed are gone, and answered
     * requests that ended before it no longer matter.
     */
    public void advance(Instant now) {
        draining.replaceAll((endpoint, d) -> d.until() == null ? new Draining(d.delay(), now.plus(d.delay())) : d);
        List<String> drained = draining.entrySet().stream().filter(e -> !e.getValue().until().isAfter(now))
                .map(Map.Entry::getKey).toList();
        drained.forEach(endpoint -> {
            TargetRegistration target = targets.get(endpoint);
            deregister(target.ip(), target.port());
        });
        requests.values().removeIf(r -> r.respondedAt() != null && !r.respondedAt().isAfter(now));
    }

    /**
     * Picks a healthy target for the journey's request forwarded at {@code at}, which is outstanding on it from then
     * on; empty when no target is healthy.
     */
    public Optional<Pick> pick(LoadBalancingAlgorithm algorithm, String journeyId, Instant at) {
        List<TargetRegistration> healthy = targets().stream()
                .filter(t -> TargetRegistration.HEALTHY.equals(t.state())).toList();
        if (healthy.isEmpty()) {
            return Optional.empty();
        }
        List<AlbForwarded.TargetLoad> candidates = healthy.stream()
                .map(t -> new AlbForwarded.TargetLoad(t.ip(), t.port(), outstanding(t.ip(), t.port(), at))).toList();
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
        requests.put(journeyId, new Request(endpoint(target.ip(), target.port()), at, null));
        return Optional.of(new Pick(target, candidates));
    }

    /** The response to the journey's request came back (or the request failed) at {@code at}. */
    public void respond(String journeyId, Instant at) {
        requests.computeIfPresent(journeyId, (id, r) -> new Request(r.endpoint(), r.forwardedAt(), at));
    }

    /** Forgets the journey's request, as if never forwarded (a redelivered hop is about to pick again). */
    public void forget(String journeyId) {
        requests.remove(journeyId);
    }

    /** Requests outstanding on the target at {@code at}; with {@code at} null, those whose response is not back. */
    public int outstanding(String ip, int port, Instant at) {
        String endpoint = endpoint(ip, port);
        return (int) requests.values().stream().filter(r -> r.endpoint().equals(endpoint) && r.outstandingAt(at))
                .count();
    }

    /** When a draining target will be gone; empty for a healthy one, or before the load balancer knows "now". */
    public Optional<Instant> drainingUntil(String ip, int port) {
        return Optional.ofNullable(draining.get(endpoint(ip, port))).map(Draining::until);
    }

    /** Every registered target, healthy or draining, by address. */
    public List<TargetRegistration> targets() {
        return targets.values().stream().sorted(ORDER).toList();
    }

    public int drainingCount() {
        return draining.size();
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

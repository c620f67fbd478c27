package com.packetjourney.cli;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopDefinition;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.journey.JourneyView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Two journeys of the same request compared hop by hop on the fields that tell what the network decided: the
 * lease, how the name was resolved (which cache answered, or the queries of a full resolution) and to what, the
 * path and NAT, the ALB's rule and target, the pod that answered, and each hop's outcome.
 */
public final class JourneyDiff {
    static final String OUTCOME = "outcome";
    static final String NOT_REACHED = "not reached";

    /** One hop of both journeys: its interesting fields in each (empty when not reached) and which differ. */
    public record HopDiff(HopType hop, Map<String, String> recorded, Map<String, String> redriven,
                          List<String> changed) {
        /** The re-driven journey fails here and the recorded one did not (or not in the same way). */
        public boolean newFailure() {
            return redriven.get(OUTCOME).startsWith("FAILED") && !redriven.get(OUTCOME).equals(recorded.get(OUTCOME));
        }

        public boolean isChanged() {
            return !changed.isEmpty();
        }
    }

    private JourneyDiff() {
    }

    public static List<HopDiff> compare(JourneyView recorded, JourneyView redriven) {
        List<HopDiff> diffs = new ArrayList<>();
        for (HopDefinition hop : HopChain.STANDARD.hops()) {
            HopType type = HopType.ofNumber(hop.number());
            Map<String, String> before = hop(recorded, type).map(JourneyDiff::fields).orElse(Map.of(OUTCOME, NOT_REACHED));
            Map<String, String> after = hop(redriven, type).map(JourneyDiff::fields).orElse(Map.of(OUTCOME, NOT_REACHED));
            Set<String> keys = new LinkedHashSet<>(before.keySet());
            keys.addAll(after.keySet());
            List<String> changed = keys.stream().filter(k -> !Objects.equals(before.get(k), after.get(k))).toList();
            diffs.add(new HopDiff(type, before, after, changed));
        }
        return diffs;
    }

    private static Optional<HopEvent> hop(JourneyView j, HopType type) {
        return j.hops().stream().filter(e -> e.hopType() == type).findFirst();
    }

    /** The fields worth comparing, in reading order; absent values are left out. */
    static Map<String, String> fields(HopEvent e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(OUTCOME, e.outcome().isOk() ? "ok" : "FAILED " + e.outcome().code());
        f.put("latency", JourneyTable.ms(e.simLatencyMicros()));
        Object payload = e.payload();
        if (payload instanceof JourneyRequested r) {
            put(f, "request", r.method() + " " + r.url());
            put(f, "client", r.client());
            put(f, "simulated start", String.valueOf(e.simStartedAt()));
        } else if (payload instanceof DhcpConfigured d) {
            put(f, "mode", d.mode());
            put(f, "lease", d.lease() == null ? null : d.lease().address() + " via " + d.lease().router());
            put(f, "messages", d.exchange() == null || d.exchange().isEmpty() ? "none"
                    : d.exchange().stream().map(DhcpConfigured.DhcpMessage::type).collect(Collectors.joining(" ")));
        } else if (payload instanceof DnsResolved d) {
            put(f, "resolution", d.steps() == null || d.steps().isEmpty() ? "no query sent"
                    : d.steps().size() + " queries: " + d.steps().stream().map(DnsResolved.DnsStep::kind)
                    .collect(Collectors.joining(" ")));
            put(f, "answered by", d.answeredBy());
            put(f, "caches", d.cacheLookups() == null || d.cacheLookups().isEmpty() ? null
                    : d.cacheLookups().stream().map(c -> c.level() + " " + c.result()).collect(Collectors.joining(", ")));
            put(f, "CNAME target", d.cnameChain() == null || d.cnameChain().isEmpty() ? null
                    : d.cnameChain().get(d.cnameChain().size() - 1));
            put(f, "address", d.address());
        } else if (payload instanceof PacketRouted r) {
            put(f, "NAT source", r.translatedSource());
            put(f, "destination", r.destination() + ":" + r.destinationPort());
            put(f, "routers", r.path() == null ? null
                    : r.path().stream().map(PacketRouted.RouterHop::router).collect(Collectors.joining(" > ")));
            put(f, "AS path", r.asPath() == null ? null : r.asPath().toString());
        } else if (payload instanceof AlbForwarded a) {
            put(f, "ALB node", a.albNodeIp() + " " + a.availabilityZone());
            put(f, "rule", a.rule() == null ? null : a.rule().priority() + " " + a.rule().conditions());
            put(f, "target", a.target() == null ? null
                    : a.target().ip() + ":" + a.target().port() + " " + a.target().pod());
            put(f, "healthy targets", a.candidates() == null ? null : String.valueOf(a.candidates().size()));
        } else if (payload instanceof PodResponded p) {
            put(f, "pod", p.pod() + " " + p.podIp() + " on " + p.node());
            put(f, "response", p.statusLine() != null ? p.statusLine() : p.status() == null ? null : "HTTP " + p.status());
        }
        if (!e.outcome().isOk()) {
            put(f, "message", e.outcome().message());
        }
        return f;
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}

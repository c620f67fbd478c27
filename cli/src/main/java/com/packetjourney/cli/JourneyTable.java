package com.packetjourney.cli;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a reconstructed journey as a hop-by-hop table with each hop's key details beneath it. */
public final class JourneyTable {
    private JourneyTable() {
    }

    public static String render(JourneyView j) {
        StringBuilder out = new StringBuilder();
        out.append("Journey ").append(j.journeyId()).append("  ").append(j.url()).append("  from ").append(j.client())
                .append('\n');
        out.append("simulated start ").append(j.simStartedAt()).append('\n').append('\n');
        out.append(Style.bold(String.format(Locale.ROOT, "%-3s %-18s %-15s %11s %11s  %s", "#", "HOP", "SERVICE",
                "SIM START", "LATENCY", "OUTCOME"))).append('\n');
        out.append("-".repeat(82)).append('\n');
        long offset = 0;
        for (HopEvent e : j.hops()) {
            offset = Duration.between(j.simStartedAt(), e.simStartedAt()).toNanos() / 1000;
            String outcome = e.outcome().isOk() ? Style.green("ok") : Style.red("FAILED " + e.outcome().code());
            out.append(String.format(Locale.ROOT, "%-3d %-18s %-15s %11s %11s  %s%n", e.hop(), e.hopType().wireName(),
                    e.service(), "+" + ms(offset), ms(e.simLatencyMicros()), outcome));
            for (String line : details(e)) {
                out.append("      ").append(line).append('\n');
            }
            if (!e.outcome().isOk()) {
                out.append("      ").append(Style.red("! " + e.outcome().message())).append('\n');
            }
        }
        out.append("-".repeat(82)).append('\n');
        out.append(summary(j)).append('\n');
        return out.toString();
    }

    public static String summary(JourneyView j) {
        String total = ms(j.simTotalMicros()) + " simulated";
        String status = Style.status(j.status(), j.status() == JourneyStatus.IN_PROGRESS ? "IN PROGRESS"
                : j.status().name());
        return switch (j.status()) {
            case COMPLETED -> status + ": HTTP " + j.httpStatus() + " from nginx, " + total + ", "
                    + Plural.of(j.hops().size(), "hop");
            case FAILED -> status + " at " + j.failedHop() + " with " + j.failureCode() + ": " + j.failureMessage()
                    + " (" + total + ")";
            case STALLED -> status + " after " + j.lastHop() + ": no further hop arrived";
            case IN_PROGRESS -> status + ": last hop so far " + j.lastHop();
        };
    }

    /** Where a journey stands: the hop and code it failed with, else the last hop it reached. */
    static String where(JourneyView j) {
        return j.status() == JourneyStatus.FAILED ? j.failedHop() + " " + j.failureCode() : String.valueOf(j.lastHop());
    }

    /** One cache's answer: "browser HIT (12 s left)", or "os EXPIRED 58 s ago" once its entry has run out. */
    static String cacheLookup(DnsResolved.CacheLookup c) {
        Long ttl = c.ttlRemainingSeconds();
        String result = c.level() + " " + c.result();
        if (ttl == null) {
            return result;
        }
        return ttl < 0 ? result + " " + -ttl + " s ago" : result + " (" + ttl + " s left)";
    }

    static List<String> details(HopEvent e) {
        List<String> lines = new ArrayList<>();
        Object payload = e.payload();
        if (payload instanceof JourneyRequested r) {
            lines.add(r.method() + " " + r.url() + " from " + r.client() + " (" + r.clientMac() + ")");
        }
        if (payload instanceof DhcpConfigured d) {
            lines.add("DHCP " + d.mode() + (d.server() == null ? "" : " with server " + d.server()));
            for (DhcpConfigured.DhcpMessage m : d.exchange()) {
                lines.add(String.format(Locale.ROOT, "  %-13s %s -> %s xid %s%s", m.type(), m.from(), m.to(), m.xid(),
                        "0.0.0.0".equals(m.yiaddr()) ? "" : " yiaddr " + m.yiaddr()));
            }
            if (d.lease() != null) {
                lines.add("lease " + d.lease().address() + " mask " + d.lease().subnetMask() + " router "
                        + d.lease().router() + " dns " + String.join(",", d.lease().dnsServers()) + " for "
                        + d.lease().leaseSeconds() + " s");
            }
            for (DhcpConfigured.RouteEntry r : d.routingTable()) {
                lines.add("route " + r.destination() + " via " + r.gateway() + " dev " + r.iface() + " (" + r.source() + ")");
            }
        }
        if (payload instanceof DnsResolved d) {
            lines.add(d.answeredBy() == null ? d.question() + ": no lookup, the URL names an address"
                    : d.question() + " answered by " + d.answeredBy());
            if (d.cacheLookups() != null && !d.cacheLookups().isEmpty()) {
                lines.add("caches " + String.join(", ", d.cacheLookups().stream()
                        .map(JourneyTable::cacheLookup)
                        .toList()));
            }
            for (DnsResolved.DnsStep s : d.steps()) {
                lines.add(String.format(Locale.ROOT, "  %-9s %s from %s (%s) zone %s, %s%s", s.kind(), s.query(),
                        s.server(), s.serverIp(), s.zone(), ms(s.latencyMicros()),
                        s.forNameServer() == null ? "" : " (address of " + s.forNameServer() + ")"));
            }
            if (d.cnameChain() != null && !d.cnameChain().isEmpty()) {
                lines.add("CNAME chain " + String.join(" -> ", d.cnameChain()));
            }
            if (d.addresses() != null && !d.addresses().isEmpty()) {
                lines.add("A " + String.join(", ", d.addresses())
                        + (d.ttlSeconds() == null ? "" : " (TTL " + d.ttlSeconds() + " s)") + " -> connect to "
                        + d.address());
            }
        }
        if (payload instanceof PacketRouted r) {
            lines.add(r.protocol() + " " + r.source() + " -> " + r.destination() + ":" + r.destinationPort()
                    + (r.translatedSource() == null ? "" : ", NAT source " + r.translatedSource()));
            for (PacketRouted.RouterHop h : r.path()) {
                String decision = h.matchedPrefix() == null ? String.format(Locale.ROOT, "%-36s", "no route to "
                        + r.destination()) : String.format(Locale.ROOT, "match %-16s -> %-18s", h.matchedPrefix(),
                        h.nextHop());
                lines.add(String.format(Locale.ROOT, "  %-18s %-8s %s ttl %-3d %s%s", h.router(),
                        h.asn() == null ? "" : "AS" + h.asn(), decision, h.ttl(), ms(h.latencyMicros()),
                        h.note() == null ? "" : "  " + h.note()));
            }
            if (r.asPath() != null && !r.asPath().isEmpty() && r.originAs() != null) {
                lines.add("AS path " + r.asPath() + " to " + r.destinationPrefix() + " originated by AS" + r.originAs());
            } else if (r.destinationPrefix() == null) {
                lines.add("no BGP route to " + r.destination());
            }
        }
        if (payload instanceof AlbForwarded a) {
            lines.add(a.loadBalancer() + " node " + a.albNodeIp() + " in " + a.availabilityZone() + ", listener "
                    + a.listener());
            if (a.tcpHandshake() != null) {
                a.tcpHandshake().forEach(l -> lines.add("  " + l));
            }
            if (a.tls() != null) {
                lines.add("TLS " + a.tls().version() + " " + a.tls().cipher() + " ALPN " + a.tls().alpn() + ", SNI "
                        + a.tls().sni() + " -> " + a.tls().certificateArn() + " (" + a.tls().certificateMatch() + ")");
            }
            if (a.rule() != null) {
                lines.add("rule " + a.rule().priority() + " " + a.rule().conditions() + " -> " + a.rule().action());
            }
            if (a.target() != null) {
                lines.add(a.algorithm() + " in " + a.targetGroup() + " -> " + a.target().ip() + ":" + a.target().port()
                        + " (" + a.target().pod() + ")");
            }
            if (a.candidates() != null) {
                for (AlbForwarded.TargetLoad t : a.candidates()) {
                    lines.add("  candidate " + t.ip() + ":" + t.port() + " outstanding " + t.outstandingRequests());
                }
            }
        }
        if (payload instanceof PodResponded p) {
            lines.add("pod " + p.pod() + " " + p.podIp() + " on " + p.node() + " (" + p.availabilityZone() + ")");
            if (p.steps() != null) {
                p.steps().forEach(s -> lines.add("  " + s));
            }
        }
        return lines;
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
    }
}

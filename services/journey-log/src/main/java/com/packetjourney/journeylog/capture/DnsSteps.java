package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.DnsResolved.CacheFill;
import com.packetjourney.contracts.hop.DnsResolved.CacheLookup;
import com.packetjourney.contracts.hop.DnsResolved.DnsStep;
import com.packetjourney.contracts.hop.PacketRouted;
import org.pcap4j.util.MacAddress;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The name resolution as it crosses the wire (RFC 1034 §2.4, RFC 1035 §4): the laptop's stub query to its DNS
 * server (the home router, a forwarder), the router's query to the ISP's recursive resolver, and each query the
 * resolver sent to an authoritative server with its response, in the wire bytes the resolver encoded. The
 * dns-resolver hop's time is the resolver's queries plus a round trip laptop to router to resolver; the LAN's share
 * of that round trip comes from the journey's other hops where they show it.
 */
final class DnsSteps {
    private static final int TTL = 64;
    private static final Set<String> CLIENT_CACHES = Set.of(DnsResolved.BY_BROWSER_CACHE, DnsResolved.BY_OS_CACHE);

    private DnsSteps() {
    }

    static List<Step> of(CaptureContext context, HopEvent hop, DnsResolved dns) {
        List<Step> steps = new ArrayList<>();
        Instant start = hop.simStartedAt();
        long total = hop.simLatencyMicros();
        if (CLIENT_CACHES.contains(dns.answeredBy())) {
            Step cache = Step.of(dns.answeredBy() + " answered " + dns.question(), "cache", start, total)
                    .attr("dns.question.name", name(dns.question()))
                    .attr("dns.answers", dns.addresses());
            lookups(dns).forEach(l -> cache.event(start, describe(l)));
            steps.add(cache);
            return steps;
        }
        JourneyContext ctx = hop.context();
        if (dns.answeredBy() == null || ctx == null || ctx.clientIp() == null || dns.question() == null) {
            return steps; // an address literal, or nothing was asked on a network
        }
        DnsWire.Question question = DnsWire.Question.parse(dns.question());
        String forwarder = ctx.dnsServer() != null ? ctx.dnsServer() : ctx.gateway();
        List<DnsStep> queries = dns.steps() == null ? List.of() : dns.steps();
        long queried = queries.stream().mapToLong(DnsStep::latencyMicros).sum();
        boolean resolverAsked = !DnsResolved.BY_ROUTER_CACHE.equals(dns.answeredBy());
        long lan = Math.min(lanOneWay(context, dns, total, queried), total / 2);
        long isp = resolverAsked ? Math.max(0, (total - queried - 2 * lan) / 2) : 0;

        Endpoint laptop = new Endpoint(ctx.clientIp(), context.ephemeralPort());
        Endpoint router = new Endpoint(forwarder, DnsWire.PORT);
        MacAddress laptopMac = ctx.clientMac() != null ? Frames.mac(ctx.clientMac()) : Frames.macOf(laptop.ip());
        MacAddress routerMac = Frames.macOf(forwarder);
        int rcode = rcode(hop);
        List<Record> answer = rcode == Rcode.NOERROR ? answerRecords(dns, question) : List.of();
        List<Record> authority = negativeRecords(dns, question);
        int stubId = context.uint16();
        Step stub = Step.of("query " + question.name() + " " + Type.string(question.type()) + " → " + forwarder, "dns",
                start, total)
                .attr("dns.question.name", question.name().toString())
                .attr("dns.question.type", Type.string(question.type()))
                .attr("network.transport", "udp")
                .attr("client.address", laptop.ip()).attr("client.port", laptop.port())
                .attr("server.address", forwarder).attr("server.port", DnsWire.PORT)
                .attr("dns.response_code", Rcode.string(rcode))
                .attr("dns.answers", dns.addresses() == null || dns.addresses().isEmpty() ? null : dns.addresses())
                .attr("pj.dns.answered_by", dns.answeredBy())
                .attr("pj.dns.cname_chain", dns.cnameChain() == null || dns.cnameChain().isEmpty()
                        ? null : dns.cnameChain());
        for (CacheLookup lookup : lookups(dns)) {
            long at = switch (lookup.level()) {
                case "router" -> lan;
                case "resolver" -> lan + isp;
                default -> 0;
            };
            stub.event(CaptureContext.plus(start, at), describe(lookup));
        }
        stub.packet(new CapturedPacket(start, CapturePoint.LAPTOP, Frames.udp(laptopMac, routerMac, laptop, router,
                TTL, context.ipId(), DnsWire.query(stubId, question)),
                "DNS query " + question.name() + " " + Type.string(question.type())));
        stub.packet(new CapturedPacket(CaptureContext.plus(start, total), CapturePoint.LAPTOP, Frames.udp(routerMac,
                laptopMac, router, laptop, TTL, context.ipId(), DnsWire.answer(stubId, question, rcode, answer,
                        authority)), "DNS answer " + Rcode.string(rcode) + " from the home router"));
        steps.add(stub);
        if (!resolverAsked) {
            return steps;
        }

        Optional<String> resolver = resolverAddress(dns);
        Optional<String> wan = wanAddress(context);
        Step forward = Step.of("forward " + question.name() + " → " + resolver.orElse("the ISP's resolver"), "dns",
                CaptureContext.plus(start, lan), total - 2 * lan)
                .attr("dns.question.name", question.name().toString())
                .attr("network.transport", "udp")
                .attr("server.address", resolver.orElse(null)).attr("server.port", DnsWire.PORT);
        if (resolver.isPresent() && wan.isPresent()) {
            Endpoint from = new Endpoint(wan.get(), context.ephemeralPort());
            Endpoint to = new Endpoint(resolver.get(), DnsWire.PORT);
            MacAddress wanMac = Frames.macOf(wan.get());
            MacAddress ispMac = Frames.macOfName("isp-access " + resolver.get());
            int forwardId = context.uint16();
            forward.attr("client.address", from.ip()).attr("client.port", from.port());
            forward.packet(new CapturedPacket(forward.start(), CapturePoint.HOME_ROUTER_WAN, Frames.udp(wanMac, ispMac,
                    from, to, TTL, context.ipId(), DnsWire.query(forwardId, question)),
                    "DNS query " + question.name() + " forwarded to the ISP's resolver"));
            forward.packet(new CapturedPacket(forward.end(), CapturePoint.HOME_ROUTER_WAN, Frames.udp(ispMac, wanMac,
                    to, from, TTL, context.ipId(), DnsWire.answer(forwardId, question, rcode, answer, authority)),
                    "DNS answer " + Rcode.string(rcode) + " from the ISP's resolver"));
        }
        steps.add(forward);

        Instant at = CaptureContext.plus(start, lan + isp);
        for (DnsStep query : queries) {
            forward.child(resolverQuery(context, query, at, resolver.orElse(null)));
            at = CaptureContext.plus(at, query.latencyMicros());
        }
        return steps;
    }

    /** One query of the recursive resolver and its response, in the bytes it encoded and received. */
    private static Step resolverQuery(CaptureContext context, DnsStep query, Instant at, String resolver) {
        Step step = Step.of(query.kind() + " " + query.query() + " @" + query.server(), "dns", at,
                        query.latencyMicros())
                .attr("dns.question.name", name(query.query()))
                .attr("network.transport", "udp")
                .attr("server.address", query.serverIp()).attr("server.port", DnsWire.PORT)
                .attr("pj.dns.server", query.server())
                .attr("pj.dns.zone", query.zone())
                .attr("pj.dns.kind", query.kind())
                .attr("client.address", resolver);
        byte[] sent = DnsWire.decode(query.queryWire());
        byte[] received = DnsWire.decode(query.responseWire());
        if (resolver == null || sent == null) {
            return step;
        }
        Endpoint from = new Endpoint(resolver, context.ephemeralPort());
        Endpoint to = new Endpoint(query.serverIp(), DnsWire.PORT);
        step.attr("client.port", from.port());
        MacAddress resolverMac = Frames.macOf(resolver);
        MacAddress upstreamMac = Frames.macOfName("resolver-gateway " + resolver);
        step.packet(new CapturedPacket(at, CapturePoint.RESOLVER, Frames.udp(resolverMac, upstreamMac, from, to, TTL,
                context.ipId(), sent), "DNS query " + query.query() + " to " + query.server()
                + " (id " + DnsWire.id(sent) + ")"));
        if (received != null) {
            step.packet(new CapturedPacket(step.end(), CapturePoint.RESOLVER, Frames.udp(upstreamMac, resolverMac,
                    to, from, TTL, context.ipId(), received), query.kind() + " from " + query.server()));
        }
        return step;
    }

    /**
     * The LAN's one-way time: the laptop's first routing step (its link to the gateway) if the journey got that
     * far, else a DHCP message's crossing, else (with a router-cache answer) half the hop, else a quarter of what
     * the resolver's queries leave of it.
     */
    private static long lanOneWay(CaptureContext context, DnsResolved dns, long total, long queried) {
        Optional<PacketRouted> route = context.payload(HopType.PACKET_ROUTED, PacketRouted.class);
        if (route.isPresent() && route.get().path() != null && !route.get().path().isEmpty()) {
            return route.get().path().get(0).latencyMicros();
        }
        Optional<HopEvent> dhcpHop = context.hop(HopType.DHCP_CONFIGURED);
        Optional<DhcpConfigured> dhcp = context.payload(HopType.DHCP_CONFIGURED, DhcpConfigured.class);
        if (dhcpHop.isPresent() && dhcp.isPresent() && dhcp.get().exchange() != null
                && !dhcp.get().exchange().isEmpty()) {
            return dhcpHop.get().simLatencyMicros() / dhcp.get().exchange().size();
        }
        if (DnsResolved.BY_ROUTER_CACHE.equals(dns.answeredBy())) {
            return total / 2;
        }
        return Math.max(0, total - queried) / 4;
    }

    /** The resolver's address: the cache its answers were stored in. */
    private static Optional<String> resolverAddress(DnsResolved dns) {
        return dns.cacheFills() == null ? Optional.empty() : dns.cacheFills().stream()
                .filter(f -> "resolver".equals(f.level()) && f.cache() != null).map(CacheFill::cache).findFirst();
    }

    /** The home router's Internet address, which the routing hop's NAT shows if the journey got there. */
    private static Optional<String> wanAddress(CaptureContext context) {
        return context.payload(HopType.PACKET_ROUTED, PacketRouted.class).map(PacketRouted::translatedSource)
                .map(s -> s.replaceFirst(":\\d+$", ""));
    }

    private static int rcode(HopEvent hop) {
        if (hop.outcome().isOk()) {
            return Rcode.NOERROR;
        }
        FailureCode code = hop.outcome().code();
        if (code == FailureCode.DNS_NXDOMAIN) {
            return Rcode.NXDOMAIN;
        }
        return code == FailureCode.DNS_NODATA ? Rcode.NOERROR : Rcode.SERVFAIL;
    }

    /**
     * The answer as the laptop cached it (the records of the closest cache fill for the question), else rebuilt
     * from the CNAME chain and the addresses.
     */
    private static List<Record> answerRecords(DnsResolved dns, DnsWire.Question question) {
        Optional<CacheFill> fill = fillFor(dns, question, false);
        if (fill.isPresent()) {
            return DnsWire.records(fill.get().records());
        }
        List<Record> records = new ArrayList<>();
        long ttl = dns.ttlSeconds() == null ? 0 : Math.max(0, dns.ttlSeconds());
        List<String> chain = dns.cnameChain() == null ? List.of() : dns.cnameChain();
        try {
            for (int i = 0; i + 1 < chain.size(); i++) {
                records.add(new CNAMERecord(Name.fromString(chain.get(i)), DClass.IN, ttl,
                        Name.fromString(chain.get(i + 1))));
            }
            Name owner = chain.isEmpty() ? question.name() : Name.fromString(chain.get(chain.size() - 1));
            for (String address : dns.addresses() == null ? List.<String>of() : dns.addresses()) {
                records.add(new ARecord(owner, DClass.IN, ttl, InetAddress.getByAddress(
                        Frames.address(address).getAddress())));
            }
        } catch (TextParseException | java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unreadable answer of " + question.name() + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** The SOA that bounds a negative answer (RFC 2308 §3), from the negative cache fill. */
    private static List<Record> negativeRecords(DnsResolved dns, DnsWire.Question question) {
        return fillFor(dns, question, true).map(f -> DnsWire.records(f.records())).orElse(List.of());
    }

    private static Optional<CacheFill> fillFor(DnsResolved dns, DnsWire.Question question, boolean negative) {
        if (dns.cacheFills() == null) {
            return Optional.empty();
        }
        for (String level : List.of("router", "os", "browser")) {
            for (CacheFill fill : dns.cacheFills()) {
                if (level.equals(fill.level()) && question.name().toString().equalsIgnoreCase(fill.name())
                        && (fill.negative() != null) == negative && fill.records() != null) {
                    return Optional.of(fill);
                }
            }
        }
        return Optional.empty();
    }

    private static List<CacheLookup> lookups(DnsResolved dns) {
        return dns.cacheLookups() == null ? List.of() : dns.cacheLookups();
    }

    private static String describe(CacheLookup lookup) {
        return lookup.level() + " cache " + lookup.result()
                + (lookup.ttlRemainingSeconds() == null ? "" : " (ttl " + lookup.ttlRemainingSeconds() + " s)");
    }

    private static String name(String question) {
        return question == null ? null : question.trim().split("\\s+")[0];
    }
}

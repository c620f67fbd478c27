package com.packetjourney.dns.service;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.DnsResolved.DnsStep;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.dns.domain.AuthoritativeServers;
import com.packetjourney.dns.domain.AuthoritativeServers.HostedZone;
import com.packetjourney.dns.domain.QueryPath;
import com.packetjourney.dns.domain.RecursiveResolver;
import com.packetjourney.dns.domain.Resolution;
import com.packetjourney.dns.domain.Step;
import com.packetjourney.dns.domain.Zone;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The DNS hop: the laptop's stub resolver asks the home router, which forwards to the ISP's recursive resolver;
 * that resolver, with a cold cache, iterates from the root to the host's A records. Thread-safe: world updates
 * and hops may come from different threads.
 */
public class DnsService {
    private final Clock wallClock;
    private final Map<String, ClientDevice> clients = new HashMap<>();
    private final Map<String, LanSegment> lans = new HashMap<>();
    /** Parsed zones by origin, sorted so the same world always builds the same servers. */
    private final Map<String, HostedZone> zones = new TreeMap<>();
    private RecursiveResolver resolver = new RecursiveResolver(new AuthoritativeServers(List.of()));
    private long seed;

    /** A resolution asked for outside any journey (the REST view): outcome, resolver time and the trace. */
    public record Trace(Outcome outcome, long latencyMicros, DnsResolved resolution) {
    }

    public DnsService(Clock wallClock) {
        this.wallClock = wallClock;
    }

    public synchronized void onSimulation(Simulation simulation) {
        this.seed = simulation == null ? 0 : simulation.seed();
    }

    public synchronized void onClient(String name, ClientDevice client) {
        if (client == null) {
            clients.remove(name);
        } else {
            clients.put(name, client);
        }
    }

    public synchronized void onLan(String id, LanSegment lan) {
        if (lan == null) {
            lans.remove(id);
        } else {
            lans.put(id, lan);
        }
    }

    /** A zone whose master file does not parse is refused with an exception; its previous version stays. */
    public synchronized void onZone(String origin, DnsZone zone) {
        if (zone == null) {
            zones.remove(origin);
        } else {
            zones.put(origin, new HostedZone(Zone.parse(zone.origin(), zone.masterFile()), zone.servers()));
        }
        resolver = new RecursiveResolver(new AuthoritativeServers(zones.values()));
    }

    /** Computes the DNS hop after the laptop got its configuration; returns null for a journey that already failed. */
    public synchronized HopEvent handle(HopEvent in) {
        if (!in.outcome().isOk()) {
            return null;
        }
        Instant now = wallClock.instant();
        JourneyContext context = in.context();
        String host = context.host();
        if (Address.isDottedQuad(host)) {
            DnsResolved payload = new DnsResolved(host, "nobody: the URL's host is an IPv4 address literal",
                    List.of(), List.of(), List.of(host), host, null);
            return in.next(0, now, Outcome.ok(), context.withServerIp(host), payload);
        }
        Name name;
        try {
            name = Name.fromString(host, Name.root);
        } catch (TextParseException e) {
            DnsResolved payload = new DnsResolved(host, null, List.of(), List.of(), List.of(), null, null);
            return in.next(0, now, Outcome.failed(FailureCode.DNS_NXDOMAIN, "'" + host
                    + "' is not a domain name (" + e.getMessage() + "), so no query was sent"), context, payload);
        }
        ClientDevice client = clients.get(context.client());
        LanSegment lan = client == null ? null : lans.get(client.lan());
        if (lan == null || lan.recursiveResolver() == null) {
            DnsResolved payload = new DnsResolved(question(name), null, List.of(), List.of(), List.of(), null, null);
            return in.next(0, now, Outcome.failed(FailureCode.DNS_SERVFAIL, "no recursive resolver is known for "
                    + context.client() + "'s LAN, so its DNS server cannot resolve " + name), context, payload);
        }
        String forwarder = context.dnsServer() != null ? context.dnsServer() : lan.routerIp();
        QueryPath path = new QueryPath(forwarder, lan.recursiveResolver(), lan.linkLatencyMicros());
        RandomGenerator random = new SplittableRandom(seed ^ in.journeyId().hashCode());
        Resolution resolution = resolver.resolve(name, random);
        String answeredBy = "recursive resolver " + path.recursiveResolver() + " via forwarder " + path.forwarder()
                + " (iterative, cold cache)";
        long latency = path.roundTripMicros() + resolution.latencyMicros();
        if (!resolution.isResolved()) {
            return in.next(latency, now, Outcome.failed(resolution.failure(), resolution.failureMessage()), context,
                    payload(resolution, answeredBy, null));
        }
        String address = pick(resolution.addressStrings(), random);
        return in.next(latency, now, Outcome.ok(), context.withServerIp(address),
                payload(resolution, answeredBy, address));
    }

    /** Resolves a name from a cold cache as the ISP's resolver would, without a journey (like dig +trace). */
    public synchronized Trace trace(Name name) {
        RandomGenerator random = new SplittableRandom(seed ^ name.hashCode());
        Resolution resolution = resolver.resolve(name, random);
        String answeredBy = "recursive resolver (iterative, cold cache)";
        if (!resolution.isResolved()) {
            return new Trace(Outcome.failed(resolution.failure(), resolution.failureMessage()),
                    resolution.latencyMicros(), payload(resolution, answeredBy, null));
        }
        return new Trace(Outcome.ok(), resolution.latencyMicros(),
                payload(resolution, answeredBy, pick(resolution.addressStrings(), random)));
    }

    public synchronized List<String> zoneOrigins() {
        return zones.values().stream().map(z -> z.zone().origin().toString()).toList();
    }

    /**
     * Authoritative servers and resolvers vary the order of an RRset's addresses (round-robin DNS) and the browser
     * takes the first one: modelled as a seeded choice among them.
     */
    private static String pick(List<String> addresses, RandomGenerator random) {
        return addresses.get(random.nextInt(addresses.size()));
    }

    private static DnsResolved payload(Resolution resolution, String answeredBy, String address) {
        List<DnsStep> steps = resolution.steps().stream().map(DnsService::toContract).toList();
        List<String> chain = resolution.cnameChain().stream().map(Name::toString).toList();
        return new DnsResolved(question(resolution.question()), answeredBy, steps, chain,
                resolution.addressStrings(), address, resolution.ttlSeconds());
    }

    private static DnsStep toContract(Step step) {
        return new DnsStep(step.server().toString(), step.serverIp(), step.zone().toString(), step.query(),
                step.kind().name(), step.responseText(), step.latencyMicros());
    }

    private static String question(Name name) {
        return name + " IN A";
    }
}

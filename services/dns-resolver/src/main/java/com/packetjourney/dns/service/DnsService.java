package com.packetjourney.dns.service;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.DnsResolved.CacheFill;
import com.packetjourney.contracts.hop.DnsResolved.CacheLookup;
import com.packetjourney.contracts.hop.DnsResolved.DnsStep;
import com.packetjourney.contracts.world.DnsCacheFlush;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.dns.domain.CacheEntry;
import com.packetjourney.dns.domain.CacheFlush;
import com.packetjourney.dns.domain.CacheKey;
import com.packetjourney.dns.domain.CacheLevel;
import com.packetjourney.dns.domain.CacheProbe;
import com.packetjourney.dns.domain.CacheStamp;
import com.packetjourney.dns.domain.DnsCaches;
import com.packetjourney.dns.domain.QueryPath;
import com.packetjourney.dns.domain.Resolution;
import com.packetjourney.dns.domain.Step;
import com.packetjourney.hop.CommonWorld;
import com.packetjourney.kafka.WorldChanges;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.xbill.DNS.Address;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The DNS hop: the browser's host cache, the laptop's stub resolver cache, the home router's forwarder cache and
 * the ISP's recursive resolver are asked in turn until one answers; the resolver answers from its cache or
 * iterates from the deepest zone cut it knows. Caches are filled on the way back.
 * <p>
 * Caches are derived state, rebuilt on every start from this service's own output: each DnsResolved carries in
 * {@code cacheFills} the entries it stored (master-file text with the TTLs stored), stamped with the hop's
 * simulated end. Re-applying them is simpler and more faithful than re-running past resolutions, which would need
 * the zones as they were then. Live hops go through the same {@link #remember} as the rebuild, so a restarted
 * service holds exactly the caches it had. Thread-safe: world updates and hops come from different threads.
 */
@Singleton
public class DnsService {
    private final Clock wallClock;
    private final CommonWorld world = new CommonWorld();
    private final DnsZones zones = new DnsZones();
    private final WorldChanges changes;
    /** Zone edits one at a time; not the zones' own lock, which their read-back needs meanwhile. */
    private final Object zoneEdits = new Object();
    private final DnsCaches caches = new DnsCaches();
    /** The latest simulated instant a DNS hop ended at: where a flush without a time applies. */
    private Instant latestSimTime;

    /** A resolution asked for outside any journey (the REST view): outcome, resolver time and the trace. */
    public record Trace(Outcome outcome, long latencyMicros, DnsResolved resolution) {
    }

    @Inject
    public DnsService(Clock wallClock, WorldChanges changes) {
        this.wallClock = wallClock;
        this.changes = changes;
    }

    /** The simulation, the clients and their LANs (which resolver a device's queries go to), as read from the world. */
    public CommonWorld world() {
        return world;
    }

    /** The zones of the world's authoritative servers, once the world has been read. */
    public DnsZones zones() {
        changes.awaitRead();
        return zones;
    }

    /** A zone record read from the world. */
    public void onZone(String key, DnsZone zone) {
        zones.onZone(key, zone);
    }

    /**
     * An edit of a zone: the zone as it would be is written to the world, and this service serves it once read
     * back. One edit at a time, so that each starts from the zone the previous one left.
     */
    public WorldChanges.Applied<DnsZone> editZone(Function<DnsZones, DnsZones.ZoneChange> edit) {
        synchronized (zoneEdits) {
            DnsZones.ZoneChange change = edit.apply(zones());
            return changes.publish(Topics.WORLD_DNS_ZONES, change.key(), change.zone());
        }
    }

    /** A cache flush, written to the world; it applies to journeys after its simulated instant once read back. */
    public WorldChanges.Applied<DnsCacheFlush> flush(DnsCacheFlush flush) {
        return changes.publish(Topics.WORLD_DNS_CACHE_FLUSHES, flush.key(), flush);
    }

    /** A flush read from the world; a tombstone withdraws the flush under its key. */
    public synchronized void onCacheFlush(String key, DnsCacheFlush flush) {
        caches.flush(key, flush == null ? null : new CacheFlush(CacheLevel.ofWireName(flush.level()).orElse(null),
                flush.client(), flush.lan(), flush.resolver(), flush.at()));
    }

    /** A DNS hop this service emitted, read back from its topic: its cache fills are applied again. */
    public synchronized void onOwnHop(HopEvent event) {
        remember(event);
    }

    /** Computes the DNS hop after the laptop got its configuration. */
    public synchronized HopEvent handle(HopEvent in) {
        HopEvent out = resolve(in);
        remember(out);
        return out;
    }

    private HopEvent resolve(HopEvent in) {
        Instant wall = wallClock.instant();
        Instant now = in.simEndedAt();
        JourneyContext context = in.context();
        String host = context.host();
        if (Address.isDottedQuad(host)) {
            DnsResolved payload = new DnsResolved(host, null, List.of(), List.of(), List.of(host), host, null);
            return in.next(0, wall, Outcome.ok(), context.withServerIp(host), payload);
        }
        Name name;
        try {
            name = Name.fromString(host, Name.root);
        } catch (TextParseException e) {
            DnsResolved payload = new DnsResolved(host, null, List.of(), List.of(), List.of(), null, null);
            return in.next(0, wall, Outcome.failed(FailureCode.DNS_NXDOMAIN, "'" + host
                    + "' is not a domain name (" + e.getMessage() + "), so no query was sent"), context, payload);
        }
        RandomGenerator random = new SplittableRandom(seed() ^ in.journeyId().hashCode());
        String client = context.client();
        List<CacheLookup> lookups = new ArrayList<>();

        CacheProbe browser = caches.answer(CacheLevel.BROWSER, client, name, now);
        lookups.add(lookup(CacheLevel.BROWSER, browser));
        if (browser.answers()) {
            return fromCache(in, wall, name, CacheLevel.BROWSER, client, browser, QueryPath.BROWSER_CACHE_MICROS,
                    lookups, random, List.of());
        }
        CacheProbe os = caches.answer(CacheLevel.OS, client, name, now);
        lookups.add(lookup(CacheLevel.OS, os));
        if (os.answers()) {
            return fromCache(in, wall, name, CacheLevel.OS, client, os, QueryPath.OS_CACHE_MICROS, lookups, random,
                    fillsBelow(CacheLevel.OS, client, null, os.entry()));
        }
        LanSegment lan = world.lanOf(client).orElse(null);
        if (lan == null || lan.recursiveResolver() == null) {
            DnsResolved payload = new DnsResolved(question(name), null, List.of(), List.of(), List.of(), null, null,
                    lookups, List.of());
            return in.next(0, wall, Outcome.failed(FailureCode.DNS_SERVFAIL, "no recursive resolver is known for "
                    + client + "'s LAN, so its DNS server cannot resolve " + name), context, payload);
        }
        String forwarder = context.dnsServer() != null ? context.dnsServer() : lan.routerIp();
        QueryPath path = new QueryPath(forwarder, lan.recursiveResolver(), lan.linkLatencyMicros());
        CacheProbe router = caches.answer(CacheLevel.ROUTER, lan.id(), name, now);
        lookups.add(lookup(CacheLevel.ROUTER, router));
        if (router.answers()) {
            return fromCache(in, wall, name, CacheLevel.ROUTER, lan.id(), router, path.routerRoundTripMicros(),
                    lookups, random, fillsBelow(CacheLevel.ROUTER, client, lan.id(), router.entry()));
        }

        Resolution resolution = zones.resolver().resolve(name, random, caches.resolver(lan.recursiveResolver(), now));
        lookups.add(lookup(CacheLevel.RESOLVER, resolution.cacheLookup()));
        List<CacheFill> fills = new ArrayList<>();
        resolution.learned().forEach(e -> fills.add(fill(CacheLevel.RESOLVER, lan.recursiveResolver(), e)));
        resolution.answerEntry().ifPresent(e -> fills.addAll(fillsBelow(CacheLevel.RESOLVER, client, lan.id(), e)));
        String answeredBy = resolution.isFromCache() ? CacheLevel.RESOLVER.answeredBy() : DnsResolved.BY_ITERATIVE;
        long latency = path.roundTripMicros() + resolution.latencyMicros();
        if (!resolution.isResolved()) {
            return in.next(latency, wall, Outcome.failed(resolution.failure(), resolution.failureMessage()), context,
                    payload(resolution, answeredBy, null, lookups, fills));
        }
        String address = pick(resolution.addressStrings(), random);
        return in.next(latency, wall, Outcome.ok(), context.withServerIp(address),
                payload(resolution, answeredBy, address, lookups, fills));
    }

    /** The hop when a browser, OS or router cache answered: its answer, or its negative answer. */
    private HopEvent fromCache(HopEvent in, Instant wall, Name name, CacheLevel level, String cacheId,
                               CacheProbe hit, long latency, List<CacheLookup> lookups, RandomGenerator random,
                               List<CacheFill> fills) {
        CacheEntry entry = hit.entry();
        List<String> chain = entry.cnameChain(name).stream().map(Name::toString).toList();
        if (entry.isNegative()) {
            String denied = chain.isEmpty() ? name.toString() : chain.get(chain.size() - 1);
            String what = entry.negative() == CacheEntry.Negative.NXDOMAIN ? denied + " does not exist"
                    : denied + " exists but has no A record";
            FailureCode code = entry.negative() == CacheEntry.Negative.NXDOMAIN ? FailureCode.DNS_NXDOMAIN
                    : FailureCode.DNS_NODATA;
            DnsResolved payload = new DnsResolved(question(name), level.answeredBy(), List.of(), chain, List.of(),
                    null, null, lookups, fills);
            return in.next(latency, wall, Outcome.failed(code, what + " (" + entry.negative() + " cached by the "
                    + level.wireName() + " cache of " + cacheId + ", " + hit.ttlRemainingSeconds() + " s left)"),
                    in.context(), payload);
        }
        List<String> addresses = entry.addresses(name).stream().map(a -> a.getAddress().getHostAddress()).toList();
        String address = pick(addresses, random);
        DnsResolved payload = new DnsResolved(question(name), level.answeredBy(), List.of(), chain, addresses,
                address, hit.ttlRemainingSeconds(), lookups, fills);
        return in.next(latency, wall, Outcome.ok(), in.context().withServerIp(address), payload);
    }

    /** The answer, as it came from {@code answering}, kept by every cache below it on the way back. */
    private static List<CacheFill> fillsBelow(CacheLevel answering, String client, String lan, CacheEntry answer) {
        List<CacheFill> fills = new ArrayList<>();
        for (int i = answering.ordinal() - 1; i >= 0; i--) {
            CacheLevel level = CacheLevel.values()[i];
            String cacheId = level == CacheLevel.ROUTER ? lan : client;
            level.admit(answer).ifPresent(e -> fills.add(fill(level, cacheId, e)));
        }
        return fills;
    }

    /**
     * Applies the cache fills of a DNS hop, stamped with its simulated end: the one way caches change, for live
     * hops and for hops read back at start alike.
     */
    private void remember(HopEvent event) {
        if (!(event.payload() instanceof DnsResolved dns)) {
            return;
        }
        Instant at = event.simEndedAt();
        if (latestSimTime == null || at.isAfter(latestSimTime)) {
            latestSimTime = at;
        }
        List<CacheFill> fills = dns.cacheFills() == null ? List.of() : dns.cacheFills();
        for (int i = 0; i < fills.size(); i++) {
            CacheFill fill = fills.get(i);
            CacheLevel level = CacheLevel.ofWireName(fill.level()).orElseThrow(() ->
                    new IllegalArgumentException("unknown cache level '" + fill.level() + "'"));
            CacheKey key = new CacheKey(Name.fromConstantString(fill.name()), Type.value(fill.type()));
            CacheEntry entry = CacheEntry.parse(key, fill.negative() == null ? null
                    : CacheEntry.Negative.valueOf(fill.negative()), fill.records());
            caches.store(level, fill.cache(), new CacheStamp(at, event.journeyId(), i), entry);
        }
    }

    /** Resolves a name from a cold cache as the ISP's resolver would, without a journey (like dig +trace). */
    public synchronized Trace trace(Name name) {
        RandomGenerator random = new SplittableRandom(seed() ^ name.hashCode());
        Resolution resolution = zones.resolver().resolve(name, random);
        String answeredBy = DnsResolved.BY_ITERATIVE;
        if (!resolution.isResolved()) {
            return new Trace(Outcome.failed(resolution.failure(), resolution.failureMessage()),
                    resolution.latencyMicros(), payload(resolution, answeredBy, null, List.of(), List.of()));
        }
        return new Trace(Outcome.ok(), resolution.latencyMicros(), payload(resolution, answeredBy,
                pick(resolution.addressStrings(), random), List.of(), List.of()));
    }

    /** Every cache entry alive at the simulated instant. */
    public synchronized List<DnsCaches.Held> cachesAt(Instant at) {
        return caches.alive(at);
    }

    /** Where a flush or view without a time applies: the latest simulated instant seen, else the epoch. */
    public synchronized Optional<Instant> latestSimTime() {
        return Optional.ofNullable(latestSimTime != null ? latestSimTime : world.epoch());
    }

    private long seed() {
        return world.seed();
    }

    /**
     * Authoritative servers and resolvers vary the order of an RRset's addresses (round-robin DNS) and the browser
     * takes the first one: modelled as a seeded choice among them.
     */
    private static String pick(List<String> addresses, RandomGenerator random) {
        return addresses.get(random.nextInt(addresses.size()));
    }

    private static CacheLookup lookup(CacheLevel level, CacheProbe probe) {
        return new CacheLookup(level.wireName(), probe.result().name(), probe.ttlRemainingSeconds());
    }

    private static CacheFill fill(CacheLevel level, String cacheId, CacheEntry entry) {
        return new CacheFill(level.wireName(), cacheId, entry.key().name().toString(),
                Type.string(entry.key().type()), entry.negative() == null ? null : entry.negative().name(),
                entry.masterFile());
    }

    private static DnsResolved payload(Resolution resolution, String answeredBy, String address,
                                       List<CacheLookup> lookups, List<CacheFill> fills) {
        List<DnsStep> steps = resolution.steps().stream().map(DnsService::toContract).toList();
        List<String> chain = resolution.cnameChain().stream().map(Name::toString).toList();
        return new DnsResolved(question(resolution.question()), answeredBy, steps, chain,
                resolution.addressStrings(), address, resolution.ttlSeconds(), lookups, fills);
    }

    private static DnsStep toContract(Step step) {
        return new DnsStep(step.server().toString(), step.serverIp(), step.zone().toString(), step.query(),
                step.kind().name(), step.responseText(), step.latencyMicros(), wire(step.queryMessage()),
                wire(step.response()), step.forNameServer() == null ? null : step.forNameServer().toString());
    }

    /** A message as the bytes on the wire (RFC 1035 §4), base64 so it fits in JSON. */
    private static String wire(Message message) {
        return message == null ? null : Base64.getEncoder().encodeToString(message.toWire());
    }

    private static String question(Name name) {
        return name + " IN A";
    }
}

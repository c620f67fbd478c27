package com.packetjourney.dns.rest;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.world.DnsCacheFlush;
import com.packetjourney.dns.domain.CacheLevel;
import com.packetjourney.dns.service.DnsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.xbill.DNS.Address;
import org.xbill.DNS.Type;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The DNS caches of the world (browser and OS per client, router per LAN, resolver per address) as they stand at a
 * simulated instant, and flushing them. A flush is a world change written to pj.world.dns-cache-flushes; it
 * applies to journeys after its simulated instant, by default the latest one the service has seen.
 */
@Path("/caches")
@Produces(MediaType.APPLICATION_JSON)
public class CacheResource {
    private static final Set<String> LEVELS = Set.of(DnsCacheFlush.LEVEL_BROWSER, DnsCacheFlush.LEVEL_OS,
            DnsCacheFlush.LEVEL_ROUTER, DnsCacheFlush.LEVEL_RESOLVER, DnsCacheFlush.LEVEL_ALL);

    private final DnsService service;

    CacheResource(DnsService service) {
        this.service = service;
    }

    /** Every entry alive at {@code at} (default: the latest simulated instant seen), with the TTL it has left. */
    @GET
    public List<CachedEntry> caches(@QueryParam("at") String at) {
        return service.cachesAt(instant(at)).stream().map(h -> new CachedEntry(h.level().wireName(), h.cache(),
                h.entry().key().name().toString(), Type.string(h.entry().key().type()),
                h.entry().negative() == null ? null : h.entry().negative().name(), h.entry().ttlSeconds(),
                h.entry().masterFile())).toList();
    }

    @POST
    @Path("flush")
    public DnsCacheFlush flush(@QueryParam("level") String level, @QueryParam("client") String client,
                               @QueryParam("lan") String lan, @QueryParam("resolver") String resolver,
                               @QueryParam("at") String at) {
        if (blank(level) || !LEVELS.contains(level.strip())) {
            throw Refused.invalid("level", "level must be one of browser, os, router, resolver or all, not "
                    + (level == null ? "missing" : "'" + level + "'"));
        }
        String flushed = level.strip();
        String onlyClient = narrowing("client", client, flushed, CacheLevel.BROWSER, CacheLevel.OS);
        String onlyLan = narrowing("lan", lan, flushed, CacheLevel.ROUTER);
        String onlyResolver = narrowing("resolver", resolver, flushed, CacheLevel.RESOLVER);
        if (onlyClient != null && !service.world().clients().containsKey(onlyClient)) {
            throw Refused.invalid("client", "no client device '" + onlyClient + "' in the world");
        }
        if (onlyLan != null && !service.world().lans().containsKey(onlyLan)) {
            throw Refused.invalid("lan", "no LAN '" + onlyLan + "' in the world");
        }
        if (onlyResolver != null && !Address.isDottedQuad(onlyResolver)) {
            throw Refused.invalid("resolver", "'" + onlyResolver + "' is not an IPv4 address");
        }
        DnsCacheFlush flush = new DnsCacheFlush(flushed, onlyClient, onlyLan, onlyResolver, instant(at));
        return service.flush(flush).value();
    }

    /** A narrowing parameter, which only the levels it narrows (and all) accept. */
    private static String narrowing(String field, String value, String level, CacheLevel... narrows) {
        if (blank(value)) {
            return null;
        }
        boolean applies = level.equals(DnsCacheFlush.LEVEL_ALL)
                || Set.of(narrows).stream().anyMatch(l -> l.wireName().equals(level));
        if (!applies) {
            throw Refused.invalid(field, field + " narrows only the "
                    + String.join(" and ", Set.of(narrows).stream().map(CacheLevel::wireName).sorted().toList())
                    + " caches, not the " + level + " caches");
        }
        return value.strip();
    }

    private Instant instant(String at) {
        if (blank(at)) {
            return service.latestSimTime().orElseThrow(() -> Refused.invalid("at",
                    "no journey has been seen and no simulation is loaded: give at, e.g. 2026-01-01T09:00:00Z"));
        }
        try {
            return OffsetDateTime.parse(at.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Refused.invalid("at", "'" + at + "' is not an ISO-8601 date-time with offset, "
                    + "e.g. 2026-01-01T09:00:00Z");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

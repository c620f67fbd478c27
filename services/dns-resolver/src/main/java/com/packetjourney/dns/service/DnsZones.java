package com.packetjourney.dns.service;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.dns.domain.AuthoritativeServers;
import com.packetjourney.dns.domain.AuthoritativeServers.HostedZone;
import com.packetjourney.dns.domain.RRsetEdit;
import com.packetjourney.dns.domain.RecursiveResolver;
import com.packetjourney.dns.domain.Zone;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The zones of the world's authoritative servers as read from pj.world.dns-zones, the resolver that iterates over
 * them, and the edits the API makes to them. An edit only builds the zone as it would be: it takes effect when the
 * written record is read back, like any world record. Thread-safe.
 */
public final class DnsZones {
    /** Parsed zones by world key, sorted so the same world always builds the same servers. */
    private final Map<String, HostedZone> parsed = new TreeMap<>();
    /** The zones as the world has them, by key: the base of zone edits. */
    private final Map<String, DnsZone> world = new TreeMap<>();
    private volatile RecursiveResolver resolver = new RecursiveResolver(new AuthoritativeServers(List.of()));

    /** A zone as an edit would make it, under its world key; it takes effect once read back from the world. */
    public record ZoneChange(String key, DnsZone zone) {
    }

    /**
     * A zone record read from the world. One whose master file does not parse, or that an authoritative server would
     * refuse (CNAME and other data, out-of-zone records, a bad alias), is refused and the previous version kept.
     */
    public synchronized void onZone(String key, DnsZone zone) {
        if (zone == null) {
            parsed.remove(key);
            world.remove(key);
        } else {
            parsed.put(key, new HostedZone(Zone.parse(zone.origin(), zone.masterFile(), zone.aliases()),
                    zone.servers()));
            world.put(key, zone);
        }
        resolver = new RecursiveResolver(new AuthoritativeServers(parsed.values()));
    }

    /** The ISP's resolver over the zones as they stand. */
    public RecursiveResolver resolver() {
        return resolver;
    }

    public synchronized List<String> origins() {
        return parsed.values().stream().map(z -> z.zone().origin().toString()).toList();
    }

    /** The zone with that origin as the world has it. */
    public synchronized Optional<DnsZone> zone(String origin) {
        return keyOf(origin).map(world::get);
    }

    /** The zone with one RRset replaced, to be written to the world. */
    public synchronized ZoneChange replaceRRset(String origin, String name, String type, Long ttl,
                                                List<String> values) {
        return edit(origin, zone -> RRsetEdit.replace(zone, name, type, ttl, values));
    }

    /** The zone without one RRset, to be written to the world. */
    public synchronized ZoneChange removeRRset(String origin, String name, String type) {
        return edit(origin, zone -> RRsetEdit.remove(zone, name, type));
    }

    private ZoneChange edit(String origin, UnaryOperator<Zone> edit) {
        String key = keyOf(origin).orElseThrow(() -> Refused.unknown("origin", "no zone '" + origin
                + "' in the world; zones: " + String.join(", ", origins())));
        DnsZone before = world.get(key);
        Zone after = edit.apply(parsed.get(key).zone());
        return new ZoneChange(key, new DnsZone(before.origin(), before.servers(), after.masterFile(),
                before.aliases()));
    }

    private Optional<String> keyOf(String origin) {
        Name wanted;
        try {
            wanted = Name.fromString(origin, Name.root);
        } catch (TextParseException e) {
            return Optional.empty();
        }
        return parsed.entrySet().stream().filter(z -> z.getValue().zone().origin().equals(wanted))
                .map(Map.Entry::getKey).findFirst();
    }
}

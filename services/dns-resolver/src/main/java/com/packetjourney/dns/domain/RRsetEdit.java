package com.packetjourney.dns.domain;

import com.packetjourney.contracts.Refused;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A change to one RRset of a zone, as an operator types it: owner name (absolute, or relative to the origin),
 * type mnemonic, TTL and the values in master-file presentation format. Each field is checked with dnsjava's own
 * parsers, and a failure names the field.
 */
public final class RRsetEdit {
    /** RFC 2181 §8: a TTL is an unsigned number below 2^31. */
    public static final long MAX_TTL = 2_147_483_647L;

    private RRsetEdit() {
    }

    /** The zone with the RRset replaced by the given values. */
    public static Zone replace(Zone zone, String name, String type, Long ttl, List<String> values) {
        Name owner = owner(zone, name);
        int rrType = type(type);
        if (ttl == null || ttl < 0 || ttl > MAX_TTL) {
            throw Refused.invalid("ttl", "the TTL must be a number of seconds from 0 to " + MAX_TTL
                    + " (RFC 2181 §8), not " + ttl);
        }
        if (values == null || values.isEmpty()) {
            throw Refused.invalid("values", "an RRset needs at least one value; delete it to remove it");
        }
        // An RRset is a set (RFC 2181 §5): the same value twice is one record.
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values.stream().map(String::strip).toList()));
        if ((rrType == Type.CNAME || rrType == Type.SOA) && distinct.size() > 1) {
            throw Refused.invalid("values", "a name has at most one " + Type.string(rrType)
                    + " record (RFC 1034 §3.6.2, §4.3.4), not " + distinct.size());
        }
        if (rrType == Type.SOA && !owner.equals(zone.origin())) {
            throw Refused.invalid("name", "the SOA belongs at the zone's origin " + zone.origin()
                    + ", not at " + owner);
        }
        Set<Integer> others = new TreeSet<>(zone.typesAt(owner));
        others.remove(rrType);
        if (rrType == Type.CNAME ? !others.isEmpty() : others.contains(Type.CNAME)) {
            String held = others.stream().map(Type::string).collect(Collectors.joining(", "));
            throw Refused.invalid("type", owner + " already has " + held + "; a CNAME must be the only data "
                    + "at its name (RFC 1034 §3.6.2, RFC 2181 §10.1)" + (owner.equals(zone.origin())
                    ? ", so never at the apex: Route 53 answers for the apex with an alias record" : ""));
        }
        List<Record> rrset = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            try {
                rrset.add(Record.fromString(owner, rrType, DClass.IN, ttl, distinct.get(i), zone.origin()));
            } catch (IOException | IllegalArgumentException e) {
                throw Refused.invalid("values", "values[" + i + "] '" + distinct.get(i) + "' is not "
                        + Type.string(rrType) + " data: " + e.getMessage());
            }
        }
        return reparsed(zone.withRRset(rrset));
    }

    /** The zone without the RRset; it must exist, and the SOA cannot go. */
    public static Zone remove(Zone zone, String name, String type) {
        Name owner = owner(zone, name);
        int rrType = type(type);
        if (rrType == Type.SOA) {
            throw Refused.invalid("type", "a zone cannot lose its SOA (RFC 1035 §5.2)");
        }
        if (zone.rrset(owner, rrType).isEmpty()) {
            throw Refused.unknown("name", owner + " has no " + Type.string(rrType) + " RRset in zone "
                    + zone.origin());
        }
        return reparsed(zone.withoutRRset(owner, rrType));
    }

    private static Name owner(Zone zone, String name) {
        if (name == null || name.isBlank()) {
            throw Refused.invalid("name", "the owner name is missing, e.g. www." + zone.origin());
        }
        Name owner;
        try {
            owner = Name.fromString(name.strip(), zone.origin());
        } catch (TextParseException e) {
            throw Refused.invalid("name", "'" + name + "' is not a domain name: " + e.getMessage());
        }
        if (!zone.encloses(owner)) {
            throw Refused.invalid("name", owner + " is outside zone " + zone.origin());
        }
        return owner;
    }

    private static int type(String type) {
        if (type == null || type.isBlank()) {
            throw Refused.invalid("type", "the RR type is missing, e.g. A");
        }
        int value = Type.value(type.strip().toUpperCase(), true);
        if (value < 0 || !Type.isRR(value)) {
            throw Refused.invalid("type", "'" + type + "' is not an RR type (RFC 1035 §3.2.2: A, NS, CNAME, "
                    + "SOA, MX, TXT, ...)");
        }
        return value;
    }

    /** The edited zone must still be a zone once written out and read back, as every service will read it. */
    private static Zone reparsed(Zone after) {
        try {
            return after.reread();
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("values", "the zone would not load: " + e.getMessage());
        }
    }
}

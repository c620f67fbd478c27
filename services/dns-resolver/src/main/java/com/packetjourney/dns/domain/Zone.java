package com.packetjourney.dns.domain;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One zone as its authoritative servers hold it, loaded from an RFC 1035 §5 master file. {@link #lookup} is the
 * per-zone part of the RFC 1034 §4.3.2 name server algorithm (step 3). Address records owned outside the zone are
 * kept only as glue for referrals: the zone is never authoritative for them.
 */
public final class Zone {
    private final Name origin;
    private final List<Record> records;
    private final SOARecord soa;
    private final Map<Name, List<Record>> nodes = new LinkedHashMap<>();
    private final Map<Name, List<Record>> outOfZone = new LinkedHashMap<>();
    /** Every name that exists in the zone, empty non-terminals included (RFC 4592 §2.2.2). */
    private final Set<Name> existing = new HashSet<>();

    private Zone(Name origin, List<Record> records) {
        this.origin = origin;
        this.records = List.copyOf(records);
        for (Record r : records) {
            if (r.getDClass() != DClass.IN) {
                throw new IllegalArgumentException("zone " + origin + ": only class IN is served, not " + r);
            }
            if (r.getName().subdomain(origin)) {
                nodes.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
                Name n = r.getName();
                while (existing.add(n) && !n.equals(origin)) {
                    n = parent(n);
                }
            } else {
                outOfZone.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
            }
        }
        this.soa = recordsAt(origin, Type.SOA).stream().map(SOARecord.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("zone " + origin + " has no SOA record at its origin"));
    }

    /** Parses a master file whose relative names ({@code @}, {@code www}) are relative to {@code origin}. */
    public static Zone parse(String origin, String masterFile) {
        Name originName;
        try {
            originName = Name.fromString(origin, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("zone origin '" + origin + "' is not a domain name: " + e.getMessage());
        }
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(masterFile.getBytes(StandardCharsets.UTF_8)),
                originName)) {
            master.disableIncludes();
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("zone " + originName + ": bad master file: " + e.getMessage());
        }
        return new Zone(originName, records);
    }

    public Name origin() {
        return origin;
    }

    /** The RRset at the name, in or out of zone; empty when there is none. */
    public List<Record> rrset(Name name, int type) {
        return records.stream().filter(r -> r.getName().equals(name) && r.getType() == type).toList();
    }

    /** The zone with the RRset of the records' name and type replaced by them. */
    public Zone withRRset(List<Record> rrset) {
        Record first = rrset.get(0);
        List<Record> changed = new ArrayList<>(without(first.getName(), first.getType()));
        changed.addAll(rrset);
        return new Zone(origin, changed);
    }

    /** The zone without the RRset; the SOA cannot go (a zone has exactly one, at its origin). */
    public Zone withoutRRset(Name name, int type) {
        return new Zone(origin, without(name, type));
    }

    /**
     * The zone as an RFC 1035 §5 master file: one record a line with absolute names, explicit TTL and class, the
     * SOA first and then in DNSSEC canonical name order (RFC 4034 §6.1) and type order, so equal zones give equal
     * text whatever order their records were written in (an RRset keeps its own order).
     */
    public String masterFile() {
        StringBuilder text = new StringBuilder();
        records.stream().sorted(Comparator.comparing((Record r) -> r.getType() != Type.SOA)
                        .thenComparing(Record::getName).thenComparingInt(Record::getType))
                .forEach(r -> text.append(CacheEntry.line(r)).append('\n'));
        return text.toString();
    }

    public boolean encloses(Name name) {
        return name.subdomain(origin);
    }

    /**
     * What the zone holds for the question (RFC 1034 §4.3.2 step 3): a referral when a zone cut lies between the
     * origin and the name (3b), the matching RRset, a CNAME or NODATA at the name (3a), a wildcard match (3c), or
     * a name error.
     */
    public Lookup lookup(Name qname, int qtype) {
        if (!encloses(qname)) {
            throw new IllegalArgumentException(qname + " is not in zone " + origin);
        }
        for (int labels = origin.labels() + 1; labels <= qname.labels(); labels++) {
            Name node = new Name(qname, qname.labels() - labels);
            List<Record> ns = recordsAt(node, Type.NS);
            if (!ns.isEmpty()) {
                return new Lookup.Referral(ns, glueFor(ns));
            }
        }
        if (existing.contains(qname)) {
            return matchAt(qname, qname, qtype);
        }
        Name wildcard = wildcardAt(closestEncloser(qname));
        if (existing.contains(wildcard)) {
            return matchAt(wildcard, qname, qtype);
        }
        return new Lookup.NameError(negativeSoa());
    }

    /** Step 3a at an existing node; a wildcard node's records are synthesized with the query name as owner. */
    private Lookup matchAt(Name node, Name qname, int qtype) {
        List<Record> rrset = recordsAt(node, qtype).stream().map(r -> r.withName(qname)).toList();
        if (!rrset.isEmpty()) {
            return new Lookup.Answer(rrset);
        }
        List<Record> cname = recordsAt(node, Type.CNAME);
        if (!cname.isEmpty()) {
            return new Lookup.Alias((CNAMERecord) cname.get(0).withName(qname));
        }
        return new Lookup.NoData(negativeSoa());
    }

    private static Name wildcardAt(Name encloser) {
        try {
            return new Name("*", encloser);
        } catch (TextParseException e) {
            // the encloser is an ancestor of a longer query name, so two more octets always fit
            throw new IllegalStateException(e);
        }
    }

    private Name closestEncloser(Name qname) {
        Name n = qname;
        while (!existing.contains(n)) {
            n = parent(n);
        }
        return n;
    }

    /** Addresses of the referred name servers that the zone holds, in or out of zone (RFC 1034 §4.2.1 glue). */
    private List<Record> glueFor(List<Record> ns) {
        List<Record> glue = new ArrayList<>();
        for (Record r : ns) {
            Name target = ((NSRecord) r).getTarget();
            glue.addAll(recordsAt(target, Type.A));
            outOfZone.getOrDefault(target, List.of()).stream().filter(a -> a instanceof ARecord).forEach(glue::add);
        }
        return glue;
    }

    /** RFC 2308 §3: the SOA of a negative answer carries the lesser of its own TTL and its MINIMUM field. */
    private SOARecord negativeSoa() {
        return new SOARecord(soa.getName(), soa.getDClass(), Math.min(soa.getTTL(), soa.getMinimum()),
                soa.getHost(), soa.getAdmin(), soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(),
                soa.getMinimum());
    }

    private List<Record> recordsAt(Name name, int type) {
        return nodes.getOrDefault(name, List.of()).stream()
                .filter(r -> type == Type.ANY || r.getType() == type).toList();
    }

    private List<Record> without(Name name, int type) {
        return records.stream().filter(r -> !(r.getName().equals(name) && r.getType() == type)).toList();
    }

    private static Name parent(Name name) {
        return new Name(name, 1);
    }
}

package com.packetjourney.dns.domain;

import com.packetjourney.contracts.world.DnsZone.AliasRecord;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One zone as its authoritative servers hold it, loaded from an RFC 1035 §5 master file and Route 53 alias records.
 * {@link #lookup} is the per-zone part of the RFC 1034 §4.3.2 name server algorithm (step 3). A zone is checked as
 * an authoritative server checks it on load: a CNAME is the only data at its name (RFC 1034 §3.6.2, RFC 2181
 * §10.1), so never at an apex beside SOA and NS, where Route 53 offers an alias record instead; and every record
 * lies within the zone: a server holds no data outside it, so the addresses it gives as glue are within its own
 * bailiwick (RFC 2181 §5.4.1).
 */
public final class Zone {
    private final Name origin;
    private final List<Record> records;
    private final List<Route53Alias> aliases;
    private final SOARecord soa;
    private final Map<Name, List<Record>> nodes = new LinkedHashMap<>();
    /** Every name that exists in the zone, empty non-terminals included (RFC 4592 §2.2.2). */
    private final Set<Name> existing = new HashSet<>();

    /** A Route 53 alias record: queries for its name and type are answered with the target's RRset. */
    public record Route53Alias(Name name, int type, Name target) {
    }

    private Zone(Name origin, List<Record> records, List<Route53Alias> aliases) {
        this.origin = origin;
        this.records = List.copyOf(records);
        this.aliases = List.copyOf(aliases);
        for (Record r : records) {
            if (r.getDClass() != DClass.IN) {
                throw new IllegalArgumentException("zone " + origin + ": only class IN is served, not " + r);
            }
            if (!r.getName().subdomain(origin)) {
                throw new IllegalArgumentException("zone " + origin + ": " + r.getName() + " " + Type.string(r.getType())
                        + " is outside the zone; a server holds no data outside its zone, so it cannot give this "
                        + "address as glue either (RFC 2181 §5.4.1)");
            }
            nodes.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
            exists(r.getName());
        }
        for (Route53Alias alias : aliases) {
            exists(alias.name());
        }
        this.soa = recordsAt(origin, Type.SOA).stream().map(SOARecord.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("zone " + origin + " has no SOA record at its origin"));
        checkCnamesStandAlone();
    }

    private void exists(Name name) {
        Name n = name;
        while (existing.add(n) && !n.equals(origin)) {
            n = parent(n);
        }
    }

    /**
     * RFC 1034 §3.6.2 and RFC 2181 §10.1: a name with a CNAME has no other data (an alias stands for data of its
     * type), and one CNAME at most.
     */
    private void checkCnamesStandAlone() {
        Map<Name, Set<String>> typesAt = new TreeMap<>();
        nodes.forEach((name, rs) -> rs.forEach(r -> typesAt.computeIfAbsent(name, n -> new TreeSet<>())
                .add(Type.string(r.getType()))));
        aliases.forEach(a -> typesAt.computeIfAbsent(a.name(), n -> new TreeSet<>())
                .add(Type.string(a.type()) + " (alias)"));
        for (Map.Entry<Name, Set<String>> at : typesAt.entrySet()) {
            long cnames = recordsAt(at.getKey(), Type.CNAME).size();
            if (cnames > 1) {
                throw new IllegalArgumentException("zone " + origin + ": " + at.getKey() + " has " + cnames
                        + " CNAME records; a name has one at most (RFC 2181 §10.1)");
            }
            Set<String> others = new TreeSet<>(at.getValue());
            others.remove("CNAME");
            if (cnames == 1 && !others.isEmpty()) {
                throw new IllegalArgumentException("zone " + origin + ": " + at.getKey() + " has a CNAME and other "
                        + "data (" + String.join(", ", others) + "); a CNAME must be the only data at its name "
                        + "(RFC 1034 §3.6.2, RFC 2181 §10.1)" + (at.getKey().equals(origin)
                        ? ", so never at a zone's apex: use an alias record there" : ""));
            }
        }
        for (Route53Alias alias : aliases) {
            if (!recordsAt(alias.name(), alias.type()).isEmpty()) {
                throw new IllegalArgumentException("zone " + origin + ": " + alias.name() + " has both an "
                        + Type.string(alias.type()) + " alias and " + Type.string(alias.type()) + " records");
            }
        }
    }

    /** Parses a master file whose relative names ({@code @}, {@code www}) are relative to {@code origin}. */
    public static Zone parse(String origin, String masterFile) {
        return parse(origin, masterFile, null);
    }

    /** As {@link #parse(String, String)}, with the zone's Route 53 alias records (null for none). */
    public static Zone parse(String origin, String masterFile, List<AliasRecord> aliasRecords) {
        Name originName;
        try {
            originName = Name.fromString(origin, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("zone origin '" + origin + "' is not a domain name: " + e.getMessage());
        }
        List<Route53Alias> aliases = new ArrayList<>();
        for (AliasRecord a : aliasRecords == null ? List.<AliasRecord>of() : aliasRecords) {
            aliases.add(alias(originName, a));
        }
        return new Zone(originName, records(originName, masterFile), aliases);
    }

    /** The zone as every reader of its master file text would load it, with the same aliases. */
    public Zone reread() {
        return new Zone(origin, records(origin, masterFile()), aliases);
    }

    private static List<Record> records(Name origin, String masterFile) {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(masterFile.getBytes(StandardCharsets.UTF_8)),
                origin)) {
            master.disableIncludes();
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("zone " + origin + ": bad master file: " + e.getMessage());
        }
        return records;
    }

    private static Route53Alias alias(Name origin, AliasRecord a) {
        String where = "zone " + origin + ": alias " + a.name() + " " + a.type() + " -> " + a.target() + ": ";
        int type = a.type() == null ? -1 : Type.value(a.type().strip().toUpperCase());
        if (type != Type.A && type != Type.AAAA) {
            throw new IllegalArgumentException(where + "an alias to a load balancer is of type A or AAAA");
        }
        if (a.name() == null || a.target() == null) {
            throw new IllegalArgumentException(where + "an alias needs a name and a target");
        }
        try {
            Name name = "@".equals(a.name()) ? origin : Name.fromString(a.name(), origin);
            Name target = Name.fromString(a.target());
            if (!target.isAbsolute()) {
                throw new IllegalArgumentException(where + "the target must be an absolute name (ending in '.')");
            }
            if (!name.subdomain(origin)) {
                throw new IllegalArgumentException(where + name + " is outside the zone");
            }
            return new Route53Alias(name, type, target);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(where + "not a domain name: " + e.getMessage());
        }
    }

    public Name origin() {
        return origin;
    }

    public List<Route53Alias> aliases() {
        return aliases;
    }

    /** The RRset at the name, in or out of zone; empty when there is none. */
    public List<Record> rrset(Name name, int type) {
        return records.stream().filter(r -> r.getName().equals(name) && r.getType() == type).toList();
    }

    /** The types of the data at the name, an alias counting as data of its type. */
    public Set<Integer> typesAt(Name name) {
        Set<Integer> types = new TreeSet<>();
        nodes.getOrDefault(name, List.of()).forEach(r -> types.add(r.getType()));
        aliases.stream().filter(a -> a.name().equals(name)).forEach(a -> types.add(a.type()));
        return types;
    }

    /** The zone with the RRset of the records' name and type replaced by them. */
    public Zone withRRset(List<Record> rrset) {
        Record first = rrset.get(0);
        List<Record> changed = new ArrayList<>(without(first.getName(), first.getType()));
        changed.addAll(rrset);
        return new Zone(origin, changed, aliases);
    }

    /** The zone without the RRset; the SOA cannot go (a zone has exactly one, at its origin). */
    public Zone withoutRRset(Name name, int type) {
        return new Zone(origin, without(name, type), aliases);
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
        return lookup(qname, qtype, AliasTargets.NONE);
    }

    /** As {@link #lookup(Name, int)}; an alias of the type at the name answers with the target's RRset. */
    public Lookup lookup(Name qname, int qtype, AliasTargets targets) {
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
            Optional<Route53Alias> alias = aliases.stream()
                    .filter(a -> a.name().equals(qname) && a.type() == qtype).findFirst();
            if (alias.isPresent()) {
                // Route 53 answers with the target's records and TTL under the alias's name: no CNAME is seen
                List<Record> rrset = targets.rrset(alias.get().target(), qtype).stream()
                        .map(r -> r.withName(qname)).toList();
                return rrset.isEmpty() ? new Lookup.NoData(negativeSoa()) : new Lookup.Answer(rrset);
            }
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

    /**
     * Addresses of the referred name servers that the zone holds (RFC 1034 §4.2.1 glue): only those within the
     * zone, so a server named outside it (ns-1.awsdns-01.org. for a com. delegation) comes without glue.
     */
    private List<Record> glueFor(List<Record> ns) {
        List<Record> glue = new ArrayList<>();
        for (Record r : ns) {
            glue.addAll(recordsAt(((NSRecord) r).getTarget(), Type.A));
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

package com.packetjourney.dns.domain;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a cache keeps under one key: an RRset (at the resolver), a whole answer with its CNAME chain (below it),
 * or a negative answer (RFC 2308 §5) held as the SOA that bounds it. Its TTL is the lowest of its records' TTLs
 * (RFC 2181 §5.2); every constructor keeps the records' TTLs so that the text form alone restores the entry.
 */
public record CacheEntry(CacheKey key, Negative negative, List<Record> records) {

    /** The two negative answers of RFC 2308 §2. */
    public enum Negative { NXDOMAIN, NODATA }

    public CacheEntry {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a cache entry for " + key + " needs records");
        }
    }

    /** An RRset as received. */
    public static CacheEntry rrset(List<Record> rrset) {
        Record first = rrset.get(0);
        return new CacheEntry(new CacheKey(first.getName(), first.getType()), null, rrset);
    }

    /** The answer to an A question as a stub or forwarder keeps it: aliases and addresses, one TTL for all. */
    public static CacheEntry answer(Name question, List<Record> records, long ttlSeconds) {
        return new CacheEntry(new CacheKey(question, Type.A), null, withTtl(records, ttlSeconds));
    }

    /**
     * A negative answer for the key. RFC 2308 §5: it lives for the lesser of the SOA's own TTL and its MINIMUM
     * field (§3 asks the server to send that already; the resolver does not rely on it).
     */
    public static CacheEntry negative(CacheKey key, Negative negative, SOARecord soa) {
        long ttl = Math.min(soa.getTTL(), soa.getMinimum());
        return new CacheEntry(key, negative, withTtl(List.of(soa), ttl));
    }

    /** Restores an entry from its text form (see {@link #masterFile()}). */
    public static CacheEntry parse(CacheKey key, Negative negative, List<String> lines) {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(String.join("\n", lines)
                .getBytes(StandardCharsets.UTF_8)), Name.root)) {
            master.disableIncludes();
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cache entry " + key + ": bad records " + lines + ": " + e.getMessage());
        }
        return new CacheEntry(key, negative, records);
    }

    public boolean isNegative() {
        return negative != null;
    }

    public long ttlSeconds() {
        return records.stream().mapToLong(Record::getTTL).min().orElseThrow();
    }

    /** The same entry as it is handed on with the TTL it has left. */
    public CacheEntry withTtl(long ttlSeconds) {
        return new CacheEntry(key, negative, withTtl(records, ttlSeconds));
    }

    /** The SOA of a negative entry. */
    public Optional<SOARecord> soa() {
        return records.stream().filter(SOARecord.class::isInstance).map(SOARecord.class::cast).findFirst();
    }

    /** The records in master-file text (RFC 1035 §5.1), one line each, absolute names, explicit TTL and class. */
    public List<String> masterFile() {
        return records.stream().map(CacheEntry::line).toList();
    }

    /** The names followed from the question through the entry's CNAMEs: empty without alias, else the question first. */
    public List<Name> cnameChain(Name question) {
        List<Name> chain = new ArrayList<>();
        Set<Name> seen = new HashSet<>();
        Name name = question;
        for (Optional<CNAMERecord> alias = cnameAt(name); alias.isPresent() && seen.add(name); alias = cnameAt(name)) {
            if (chain.isEmpty()) {
                chain.add(name);
            }
            name = alias.get().getTarget();
            chain.add(name);
        }
        return chain;
    }

    /** The A records of the name the chain ends at. */
    public List<ARecord> addresses(Name question) {
        List<Name> chain = cnameChain(question);
        Name canonical = chain.isEmpty() ? question : chain.get(chain.size() - 1);
        return records.stream().filter(r -> r instanceof ARecord && r.getName().equals(canonical))
                .map(ARecord.class::cast).toList();
    }

    static String line(Record r) {
        return r.getName() + " " + r.getTTL() + " " + DClass.string(r.getDClass()) + " " + Type.string(r.getType())
                + " " + r.rdataToString();
    }

    private Optional<CNAMERecord> cnameAt(Name name) {
        return records.stream().filter(r -> r instanceof CNAMERecord && r.getName().equals(name))
                .map(CNAMERecord.class::cast).findFirst();
    }

    private static List<Record> withTtl(List<Record> records, long ttl) {
        return records.stream().map(r -> withTtl(r, ttl)).toList();
    }

    /** dnsjava records are immutable; the presentation form of the data is the portable way to copy one. */
    private static Record withTtl(Record r, long ttl) {
        try {
            return Record.fromString(r.getName(), r.getType(), r.getDClass(), ttl, r.rdataToString(), Name.root);
        } catch (IOException e) {
            throw new IllegalStateException("record does not survive copying: " + r, e);
        }
    }
}

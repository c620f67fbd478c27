package com.packetjourney.dns.domain;

import com.packetjourney.contracts.FailureCode;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of resolving a name: what the resolver's cache said first ({@code cacheLookup}), every query sent,
 * the CNAME chain followed (the question first, then each canonical name; empty without aliases), the answer it
 * hands back (the chain's CNAMEs, then the A RRset or, for a negative answer, the SOA), what it learned into its
 * cache, or the failure that ended the resolution.
 */
public record Resolution(Name question, CacheProbe cacheLookup, List<Step> steps, List<Name> cnameChain,
                         List<Record> answer, CacheEntry.Negative negative, List<CacheEntry> learned,
                         FailureCode failure, String failureMessage) {

    public Resolution {
        steps = List.copyOf(steps);
        cnameChain = List.copyOf(cnameChain);
        answer = List.copyOf(answer);
        learned = List.copyOf(learned);
    }

    public boolean isResolved() {
        return failure == null;
    }

    /** Answered from the cache alone, without a query. */
    public boolean isFromCache() {
        return steps.isEmpty() && cacheLookup.answers();
    }

    /** Time spent waiting on authoritative servers, one query after the other. */
    public long latencyMicros() {
        return steps.stream().mapToLong(Step::latencyMicros).sum();
    }

    public List<ARecord> addresses() {
        Name canonical = cnameChain.isEmpty() ? question : cnameChain.get(cnameChain.size() - 1);
        return answer.stream().filter(r -> r instanceof ARecord && r.getName().equals(canonical))
                .map(ARecord.class::cast).toList();
    }

    /**
     * The answer's TTL: the lowest of its records' (RFC 2181 §5.2 gives one TTL per RRset; a stub keeps the
     * whole answer no longer than its shortest part), null when unresolved.
     */
    public Long ttlSeconds() {
        return isResolved() ? answer.stream().mapToLong(Record::getTTL).min().orElseThrow() : null;
    }

    public List<String> addressStrings() {
        return addresses().stream().map(a -> a.getAddress().getHostAddress()).toList();
    }

    /**
     * The answer as the router, OS and browser caches keep it: the addresses with their aliases, or the negative
     * answer with its SOA (RFC 2308 §5); nothing for failures that are not answers (SERVFAIL, a CNAME loop).
     */
    public Optional<CacheEntry> answerEntry() {
        if (isResolved()) {
            return Optional.of(CacheEntry.answer(question, answer, ttlSeconds()));
        }
        if (negative == null || answer.stream().noneMatch(r -> r.getType() == Type.SOA)) {
            return Optional.empty();
        }
        long ttl = answer.stream().mapToLong(Record::getTTL).min().orElseThrow();
        return Optional.of(new CacheEntry(new CacheKey(question, Type.A), negative, answer).withTtl(ttl));
    }
}

package com.packetjourney.dns.domain;

import com.packetjourney.contracts.FailureCode;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;

import java.util.List;
import java.util.OptionalLong;

/**
 * The outcome of resolving a name: every query sent, the CNAME chain followed (the question first, then each
 * canonical name; empty without aliases), and the final A RRset, or the failure that ended the resolution.
 */
public record Resolution(Name question, List<Step> steps, List<Name> cnameChain, List<ARecord> addresses,
                         FailureCode failure, String failureMessage) {

    public Resolution {
        steps = List.copyOf(steps);
        cnameChain = List.copyOf(cnameChain);
        addresses = List.copyOf(addresses);
    }

    public boolean isResolved() {
        return failure == null;
    }

    /** Time spent waiting on authoritative servers, one query after the other. */
    public long latencyMicros() {
        return steps.stream().mapToLong(Step::latencyMicros).sum();
    }

    /** The A RRset's TTL (RFC 2181 §5.2: one TTL per RRset; the lowest counts), null when unresolved. */
    public Long ttlSeconds() {
        OptionalLong lowest = addresses.stream().mapToLong(ARecord::getTTL).min();
        return lowest.isPresent() ? lowest.getAsLong() : null;
    }

    public List<String> addressStrings() {
        return addresses.stream().map(a -> a.getAddress().getHostAddress()).toList();
    }
}

package com.packetjourney.dns.domain;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

import java.util.List;
import java.util.Optional;

/** A recursive resolver's cache as it stands at the instant of one resolution. */
public interface ResolverCache {

    /** A cold cache: every resolution starts at the root hints. */
    ResolverCache EMPTY = new ResolverCache() {
        @Override
        public CacheProbe lookup(Name name, int type) {
            return CacheProbe.miss();
        }

        @Override
        public Optional<List<Record>> rrset(Name name, int type) {
            return Optional.empty();
        }
    };

    /**
     * What the cache holds to answer a question (RFC 1034 §5.3.3 step 1): the RRset, a CNAME at the name, or a
     * negative answer, whichever was stored last.
     */
    CacheProbe lookup(Name name, int type);

    /** An RRset the cache holds, with the TTL it has left (for zone cuts: NS RRsets and their addresses). */
    Optional<List<Record>> rrset(Name name, int type);
}

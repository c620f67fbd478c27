package com.packetjourney.dns.domain;

import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * What a cache entry answers: an owner name and an RR type. A name error is keyed with type ANY because it denies
 * every type of the name (RFC 2308 §5: it matches on name and class alone).
 */
public record CacheKey(Name name, int type) {

    @Override
    public String toString() {
        return name + " " + Type.string(type);
    }
}

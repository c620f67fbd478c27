package com.packetjourney.dns.domain;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

import java.util.List;

/**
 * Where Route 53 finds the records an alias answers with: the target's RRset of the type as the DNS holds it
 * (Route 53 looks the target up itself; the resolver never sees the target's name). Empty when there is none.
 */
@FunctionalInterface
public interface AliasTargets {
    /** For zones served without the rest of the DNS: no alias target can be found. */
    AliasTargets NONE = (target, type) -> List.of();

    List<Record> rrset(Name target, int type);
}

package com.packetjourney.dns.domain;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import java.util.ArrayList;
import java.util.List;

/**
 * A zone cut the resolver knows of: the zone and its name servers with their addresses (RFC 1034 §5.3.2's SLIST).
 * A server the resolver has no address for carries a null ip.
 */
public record Delegation(Name zone, List<Server> servers) {

    public Delegation {
        servers = List.copyOf(servers);
    }

    public record Server(Name name, String ip) {
        public boolean hasAddress() {
            return ip != null;
        }

        @Override
        public String toString() {
            return hasAddress() ? name + " (" + ip + ")" : name + " (no address)";
        }
    }

    /** The delegation a referral carries: the child's NS RRset in AUTHORITY, glue addresses in ADDITIONAL. */
    public static Delegation fromReferral(Message referral) {
        List<Record> authority = referral.getSection(Section.AUTHORITY);
        List<Server> servers = new ArrayList<>();
        Name zone = null;
        for (Record r : authority) {
            if (r instanceof NSRecord ns) {
                zone = ns.getName();
                List<String> glue = referral.getSection(Section.ADDITIONAL).stream()
                        .filter(a -> a instanceof ARecord && a.getName().equals(ns.getTarget()))
                        .map(a -> ((ARecord) a).getAddress().getHostAddress()).toList();
                if (glue.isEmpty()) {
                    servers.add(new Server(ns.getTarget(), null));
                }
                glue.forEach(ip -> servers.add(new Server(ns.getTarget(), ip)));
            }
        }
        if (zone == null) {
            throw new IllegalArgumentException("not a referral: no NS record in the authority section");
        }
        return new Delegation(zone, servers);
    }

    public boolean hasReachableServer() {
        return servers.stream().anyMatch(Server::hasAddress);
    }
}

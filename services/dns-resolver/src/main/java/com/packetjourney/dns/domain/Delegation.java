package com.packetjourney.dns.domain;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        return fromReferral(referral, Name.root);
    }

    /**
     * As {@link #fromReferral(Message)}, trusting glue only within {@code bailiwick}, the zone of the server that
     * referred (RFC 2181 §5.4.1): a com. server cannot vouch for an address under org.
     */
    public static Delegation fromReferral(Message referral, Name bailiwick) {
        List<Record> additional = referral.getSection(Section.ADDITIONAL).stream()
                .filter(r -> r.getName().subdomain(bailiwick)).toList();
        List<Record> ns = referral.getSection(Section.AUTHORITY).stream().filter(NSRecord.class::isInstance).toList();
        if (ns.isEmpty()) {
            throw new IllegalArgumentException("not a referral: no NS record in the authority section");
        }
        return of(ns, target -> additional.stream().filter(a -> a instanceof ARecord && a.getName().equals(target))
                .map(a -> ((ARecord) a).getAddress().getHostAddress()).toList());
    }

    /** The delegation an NS RRset describes, with the addresses known for each server. */
    public static Delegation of(List<Record> ns, Function<Name, List<String>> addressesOf) {
        List<Server> servers = new ArrayList<>();
        for (Record r : ns) {
            Name target = ((NSRecord) r).getTarget();
            List<String> ips = addressesOf.apply(target);
            if (ips.isEmpty()) {
                servers.add(new Server(target, null));
            }
            ips.forEach(ip -> servers.add(new Server(target, ip)));
        }
        return new Delegation(ns.get(0).getName(), servers);
    }

    public boolean hasReachableServer() {
        return servers.stream().anyMatch(Server::hasAddress);
    }
}

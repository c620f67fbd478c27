package com.packetjourney.dns.domain;

import com.packetjourney.contracts.world.DnsZone.NameServer;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DNS as the world has it: every authoritative server by address with the zones it serves, and the root
 * hints (the servers of the root zone) a resolver starts from. An alias target is looked up, as Route 53 does
 * for its own and AWS's names, in the world's zone nearest to it.
 */
public final class AuthoritativeServers {
    private final Map<String, AuthoritativeServer> byIp = new LinkedHashMap<>();
    private final Delegation rootHints;

    /** One zone and the servers the world lists for it. */
    public record HostedZone(Zone zone, List<NameServer> servers) {
    }

    public AuthoritativeServers(Collection<HostedZone> hostedZones) {
        Map<String, List<Zone>> zonesByIp = new LinkedHashMap<>();
        Map<String, NameServer> firstListing = new LinkedHashMap<>();
        List<Delegation.Server> roots = new ArrayList<>();
        for (HostedZone hosted : hostedZones) {
            for (NameServer server : hosted.servers()) {
                zonesByIp.computeIfAbsent(server.ip(), ip -> new ArrayList<>()).add(hosted.zone());
                firstListing.putIfAbsent(server.ip(), server);
                if (hosted.zone().origin().equals(Name.root)) {
                    roots.add(new Delegation.Server(nameOf(server), server.ip()));
                }
            }
        }
        List<Zone> allZones = hostedZones.stream().map(HostedZone::zone).toList();
        AliasTargets targets = (target, type) -> allZones.stream().filter(z -> z.encloses(target))
                .max(Comparator.comparingInt(z -> z.origin().labels()))
                .map(z -> z.lookup(target, type) instanceof Lookup.Answer answer ? answer.rrset() : List.<Record>of())
                .orElse(List.of());
        zonesByIp.forEach((ip, zones) -> {
            NameServer listing = firstListing.get(ip);
            byIp.put(ip, new AuthoritativeServer(nameOf(listing), ip, listing.rttMicros(), zones, targets));
        });
        this.rootHints = new Delegation(Name.root, roots);
    }

    /** The server listening at the address, if any. */
    public Optional<AuthoritativeServer> at(String ip) {
        return Optional.ofNullable(byIp.get(ip));
    }

    public Delegation rootHints() {
        return rootHints;
    }

    private static Name nameOf(NameServer server) {
        try {
            return Name.fromString(server.name(), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("name server '" + server.name() + "' is not a domain name: "
                    + e.getMessage());
        }
    }
}

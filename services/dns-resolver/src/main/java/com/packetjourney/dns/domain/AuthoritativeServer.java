package com.packetjourney.dns.domain;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A name server answering non-recursive queries from the zones it serves, as RFC 1034 §4.3.2 describes: it picks
 * its zone nearest to the name, follows CNAMEs through its own zones, and otherwise refers, denies or answers.
 * {@code aliasTargets} is where it finds what its zones' Route 53 aliases point to.
 */
public record AuthoritativeServer(Name name, String ip, long rttMicros, List<Zone> zones, AliasTargets aliasTargets) {

    public AuthoritativeServer {
        zones = List.copyOf(zones);
    }

    /** A server whose zones have no alias to resolve. */
    public AuthoritativeServer(Name name, String ip, long rttMicros, List<Zone> zones) {
        this(name, ip, rttMicros, zones, AliasTargets.NONE);
    }

    /** The response to a query, as the resolver would receive it off the wire. */
    public Message respond(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setOpcode(Opcode.QUERY);
        response.addRecord(question, Section.QUESTION);
        Name qname = question.getName();
        Optional<Zone> zone = zoneFor(qname);
        if (zone.isEmpty()) {
            // Step 2 finds no zone: a server without recursion has nothing to offer (a lame delegation).
            response.getHeader().setRcode(Rcode.REFUSED);
            return overTheWire(response);
        }
        // AA speaks for the data at the question's own name (RFC 1034 §6.2.7), so the first lookup decides it.
        Lookup lookup = zone.get().lookup(qname, question.getType(), aliasTargets);
        if (!(lookup instanceof Lookup.Referral)) {
            response.getHeader().setFlag(Flags.AA);
        }
        Set<Name> followed = new HashSet<>(Set.of(qname));
        while (lookup instanceof Lookup.Alias alias) {
            // Step 3a: restart at the canonical name while it is in a zone of this server (and not a loop).
            lookup.addTo(response);
            qname = alias.cname().getTarget();
            zone = zoneFor(qname);
            if (zone.isEmpty() || !followed.add(qname)) {
                return overTheWire(response);
            }
            lookup = zone.get().lookup(qname, question.getType(), aliasTargets);
        }
        lookup.addTo(response);
        return overTheWire(response);
    }

    /** The zone this server serves that is nearest to the name (RFC 1034 §4.3.2 step 2). */
    public Optional<Zone> zoneFor(Name qname) {
        return zones.stream().filter(z -> z.encloses(qname))
                .max(Comparator.comparingInt(z -> z.origin().labels()));
    }

    /** Encoding and decoding checks the message fits the protocol and gives dig's "Message size" line. */
    private static Message overTheWire(Message message) {
        try {
            return new Message(message.toWire());
        } catch (IOException e) {
            throw new IllegalStateException("response does not survive encoding: " + message, e);
        }
    }
}

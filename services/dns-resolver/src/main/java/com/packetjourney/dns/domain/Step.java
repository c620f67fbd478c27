package com.packetjourney.dns.domain;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * One query the recursive resolver sent to an authoritative server and what came back. {@code query} is the
 * question as text, {@code queryMessage} the message sent; {@code response} is null when nothing came back;
 * {@code latencyMicros} is the server's round-trip time, or the resolver's timeout. {@code forNameServer} is the
 * name server whose address the query looks up on the side (a referral without glue), null for the question's own.
 */
public record Step(Name server, String serverIp, Name zone, String query, Kind kind, Message response,
                   long latencyMicros, Message queryMessage, Name forNameServer) {

    public Step(Name server, String serverIp, Name zone, String query, Kind kind, Message response,
                long latencyMicros, Message queryMessage) {
        this(server, serverIp, zone, query, kind, response, latencyMicros, queryMessage, null);
    }

    /** The step as part of looking up a name server's address; a step of a deeper lookup keeps its own. */
    public Step lookingUp(Name nameServer) {
        return forNameServer != null ? this : new Step(server, serverIp, zone, query, kind, response, latencyMicros,
                queryMessage, nameServer);
    }

    /** How the resolver reads a response (RFC 1034 §5.3.3 step 4). */
    public enum Kind {
        /** Not authoritative, NS records of a closer zone in AUTHORITY: ask those servers next. */
        REFERRAL,
        /** The data asked for, possibly after CNAMEs the server followed itself. */
        ANSWER,
        /** An alias whose canonical name lies outside the server's zones: restart the query there. */
        CNAME,
        NXDOMAIN,
        NODATA,
        /** No usable response: the server was silent, refused (it serves no zone for the name) or referred away. */
        NO_RESPONSE
    }

    /** The response as dig prints it. */
    public String responseText() {
        return response == null ? ";; communications error to " + serverIp + "#53: timed out" : response.toString();
    }
}

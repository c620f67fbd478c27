package com.packetjourney.alb.domain;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The TCP three-way handshake between the client and the load balancer node (RFC 9293 §3.5): SYN, SYN-ACK, ACK,
 * each acknowledging the other side's initial sequence number plus one. It costs one round trip before the
 * client may send data.
 */
public record TcpHandshake(String client, String server, long clientIsn, long serverIsn) {
    /** MSS of a 1500-byte Ethernet MTU minus 40 bytes of IPv4 and TCP headers. */
    public static final int MSS = 1460;
    /** The window both ends advertise on the SYNs (Linux's default: 44 segments of 1460 bytes). */
    public static final int WINDOW = 64240;
    public static final int ROUND_TRIPS = 1;

    /** Initial sequence numbers are drawn from {@code random}: RFC 6528 asks for unpredictable ones. */
    public static TcpHandshake between(String client, String server, SplittableRandom random) {
        return new TcpHandshake(client, server, random.nextLong(1L << 32), random.nextLong(1L << 32));
    }

    /** The three segments, one line each, client and server as "ip:port". */
    public List<String> lines() {
        return List.of(
                "SYN " + client + " > " + server + " seq=" + clientIsn + " win=" + WINDOW + " mss=" + MSS,
                "SYN-ACK " + server + " > " + client + " seq=" + serverIsn + " ack=" + next(clientIsn)
                        + " win=" + WINDOW + " mss=" + MSS,
                "ACK " + client + " > " + server + " seq=" + next(clientIsn) + " ack=" + next(serverIsn)
                        + " win=" + WINDOW);
    }

    /** Sequence numbers wrap modulo 2^32. */
    private static long next(long isn) {
        return (isn + 1) & 0xffffffffL;
    }
}

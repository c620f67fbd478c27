package com.packetjourney.alb.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A client's SYN that nothing answers: the client's TCP retransmits it whenever its retransmission timer expires,
 * starting from an RTO of 1 s (RFC 6298 §2.1, for want of an RTT sample) and doubling it each time (§5.5), and
 * gives up after its last retransmission's timer expires. Linux retransmits a SYN tcp_syn_retries times, 6 by
 * default: "127 seconds till the final timeout" with the 1 s initial RTO (Linux ip-sysctl documentation).
 */
public record SynRetransmission(long initialRtoMicros, int retries) {
    /** Linux's defaults: 1 s initial RTO, tcp_syn_retries = 6. */
    public static final SynRetransmission LINUX = new SynRetransmission(1_000_000, 6);

    public SynRetransmission {
        if (initialRtoMicros <= 0 || retries < 0) {
            throw new IllegalArgumentException("an RTO must be positive and retries not negative: "
                    + initialRtoMicros + " µs, " + retries);
        }
    }

    /** When each SYN leaves, from the first: 0, 1, 3, 7, 15, 31 and 63 s on Linux. */
    public List<Long> sendOffsetsMicros() {
        List<Long> offsets = new ArrayList<>();
        long at = 0;
        long rto = initialRtoMicros;
        for (int i = 0; i <= retries; i++) {
            offsets.add(at);
            at += rto;
            rto *= 2;
        }
        return offsets;
    }

    /** When connect() fails with ETIMEDOUT: the last SYN's doubled timer expired (127 s on Linux). */
    public long giveUpMicros() {
        long rto = initialRtoMicros << retries;
        return sendOffsetsMicros().get(retries) + rto;
    }

    public int synsSent() {
        return retries + 1;
    }

    /** One line per SYN sent and one for giving up, as a packet capture on the client would show them. */
    public List<String> lines(String client, String server, long isn) {
        List<String> lines = new ArrayList<>();
        List<Long> offsets = sendOffsetsMicros();
        for (int i = 0; i < offsets.size(); i++) {
            lines.add(seconds(offsets.get(i)) + " SYN " + client + " > " + server + " seq=" + isn
                    + (i == 0 ? "" : " (retransmission " + i + ", RTO " + seconds(initialRtoMicros << (i - 1)) + ")"));
        }
        lines.add(seconds(giveUpMicros()) + " no SYN-ACK after " + synsSent() + " SYNs: connect() fails with "
                + "ETIMEDOUT");
        return lines;
    }

    private static String seconds(long micros) {
        return micros % 1_000_000 == 0 ? micros / 1_000_000 + " s" : micros / 1_000.0 + " ms";
    }
}

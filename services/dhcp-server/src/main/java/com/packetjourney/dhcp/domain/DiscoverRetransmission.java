package com.packetjourney.dhcp.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A client's DHCPDISCOVER that no server answers: retransmitted after 4 s, then 8 s, then 16 s, each delay
 * randomized by a uniform -1 to +1 s (RFC 2131 §4.1), after which the client gives up and configures itself. The
 * randomness is seeded, so the same transaction gives the same times.
 */
public record DiscoverRetransmission(List<Long> sendOffsetsMicros, long giveUpMicros) {
    /** RFC 2131 §4.1's first delay, doubled for each retransmission; three waits before giving up. */
    public static final long FIRST_DELAY_MICROS = 4_000_000;
    public static final int WAITS = 3;

    public static DiscoverRetransmission seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> sends = new ArrayList<>();
        long at = 0;
        long delay = FIRST_DELAY_MICROS;
        for (int i = 0; i < WAITS; i++) {
            sends.add(at);
            at += delay + random.nextLong(-1_000_000, 1_000_001);
            delay *= 2;
        }
        return new DiscoverRetransmission(List.copyOf(sends), at);
    }
}

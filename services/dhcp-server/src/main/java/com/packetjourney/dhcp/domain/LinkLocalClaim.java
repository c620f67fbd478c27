package com.packetjourney.dhcp.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Claiming an IPv4 link-local address (RFC 3927 §2.2.1): wait a random 0 to PROBE_WAIT (1 s), send PROBE_NUM (3)
 * ARP probes PROBE_MIN to PROBE_MAX (1 to 2 s) apart, and if nothing conflicts by ANNOUNCE_WAIT (2 s) after the last
 * one the address is the host's; it then announces it ANNOUNCE_NUM (2) times ANNOUNCE_INTERVAL (2 s) apart. The
 * randomness is seeded. {@code probeOffsetsMicros} are from the start of the claim, {@code claimedMicros} when the
 * address may be used.
 */
public record LinkLocalClaim(String address, List<Long> probeOffsetsMicros, long claimedMicros,
                             List<Long> announceOffsetsMicros) {
    public static final long PROBE_WAIT = 1_000_000;
    public static final int PROBE_NUM = 3;
    public static final long PROBE_MIN = 1_000_000;
    public static final long PROBE_MAX = 2_000_000;
    public static final long ANNOUNCE_WAIT = 2_000_000;
    public static final int ANNOUNCE_NUM = 2;
    public static final long ANNOUNCE_INTERVAL = 2_000_000;

    public static LinkLocalClaim of(String address, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> probes = new ArrayList<>();
        long at = random.nextLong(0, PROBE_WAIT + 1);
        for (int i = 0; i < PROBE_NUM; i++) {
            probes.add(at);
            if (i < PROBE_NUM - 1) {
                at += random.nextLong(PROBE_MIN, PROBE_MAX + 1);
            }
        }
        long claimed = at + ANNOUNCE_WAIT;
        List<Long> announcements = new ArrayList<>();
        for (int i = 0; i < ANNOUNCE_NUM; i++) {
            announcements.add(claimed + i * ANNOUNCE_INTERVAL);
        }
        return new LinkLocalClaim(address, List.copyOf(probes), claimed, List.copyOf(announcements));
    }
}

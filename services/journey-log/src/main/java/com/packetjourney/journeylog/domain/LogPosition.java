package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopType;

/**
 * Where one hop event sits in the log: the topic of its hop type, the partition, the offset. The read model keeps
 * these instead of the events of finished journeys and reads the events back when they are asked for, so its memory
 * grows by a few bytes a journey, not by the events; hence also a packed form (hop, partition, offset in a long).
 * The hop is packed as its fixed number, so a packed position means the same whatever hops are added later.
 */
public record LogPosition(HopType hop, int partition, long offset) {
    private static final int OFFSET_BITS = 40;
    private static final int PARTITION_BITS = 20;

    public LogPosition {
        if (hop == null) {
            throw new IllegalArgumentException("hop is required");
        }
        if (partition < 0 || partition >= 1 << PARTITION_BITS || offset < 0 || offset >= 1L << OFFSET_BITS) {
            throw new IllegalArgumentException("partition " + partition + " or offset " + offset + " out of range");
        }
    }

    public long packed() {
        return ((long) hop.number() << (OFFSET_BITS + PARTITION_BITS)) | ((long) partition << OFFSET_BITS) | offset;
    }

    public static LogPosition unpack(long packed) {
        int hop = (int) (packed >>> (OFFSET_BITS + PARTITION_BITS));
        int partition = (int) ((packed >>> OFFSET_BITS) & ((1L << PARTITION_BITS) - 1));
        return new LogPosition(HopType.ofNumber(hop), partition, packed & ((1L << OFFSET_BITS) - 1));
    }

    /** A packed position whose hop was stored as a place in a chain, with the fixed number of that hop instead. */
    static long renumbered(long packed, int[] numberAtPlace) {
        int place = (int) (packed >>> (OFFSET_BITS + PARTITION_BITS));
        long rest = packed & ((1L << (OFFSET_BITS + PARTITION_BITS)) - 1);
        return ((long) numberAtPlace[place] << (OFFSET_BITS + PARTITION_BITS)) | rest;
    }
}

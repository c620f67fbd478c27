package com.packetjourney.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys of records this instance applied to its own state before writing them to a topic it also tails (a service
 * whose state is the log of its own hop, such as the resolvers' caches). Reading such a record back needs no second
 * parse: the tail asks {@link #readBack} and skips it. Records written by other instances, or before a restart,
 * are not here and are applied as read.
 */
public final class WrittenHere {
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    /** Notes, before the write, that the record keyed {@code key} is already applied here. */
    public void note(String key) {
        keys.add(key);
    }

    /** True, once, for a record read back that this instance noted; false for any other. */
    public boolean readBack(String key) {
        return key != null && keys.remove(key);
    }

    /** Noted records not read back yet (a write that failed stays here). */
    public int pending() {
        return keys.size();
    }
}

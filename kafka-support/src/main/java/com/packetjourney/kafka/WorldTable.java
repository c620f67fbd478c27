package com.packetjourney.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;

/**
 * A keyed copy of a compacted world topic as read so far: a record replaces the value under its key, a tombstone
 * removes it. Safe to read from any thread while the tail fills it; iteration is in key order, so the same world
 * gives the same order everywhere.
 */
public final class WorldTable<T> implements BiConsumer<String, T> {
    private final ConcurrentSkipListMap<String, T> values = new ConcurrentSkipListMap<>();

    @Override
    public void accept(String key, T value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    public T get(String key) {
        return key == null ? null : values.get(key);
    }

    public Optional<T> find(String key) {
        return Optional.ofNullable(get(key));
    }

    public boolean containsKey(String key) {
        return key != null && values.containsKey(key);
    }

    /** The values in key order. */
    public Collection<T> values() {
        return values.values();
    }

    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    public int size() {
        return values.size();
    }
}

package com.packetjourney.kafka;

import java.util.Optional;
import java.util.function.BiConsumer;

/** The latest value of a world topic that holds one record (such as the simulation's settings); null until read. */
public final class WorldValue<T> implements BiConsumer<String, T> {
    private volatile T value;

    @Override
    public void accept(String key, T value) {
        this.value = value;
    }

    public T get() {
        return value;
    }

    public Optional<T> find() {
        return Optional.ofNullable(value);
    }
}

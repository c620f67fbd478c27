package com.packetjourney.kafka;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A process is ready once every reader it rebuilds state with has caught up, and not before any has registered. */
class WorldReadinessTest {
    @Test
    void readyOnlyOnceEveryRegisteredReaderHasCaughtUp() {
        AtomicBoolean worldRead = new AtomicBoolean();
        AtomicBoolean ownHopsRead = new AtomicBoolean();
        BooleanSupplier world = worldRead::get;
        BooleanSupplier ownHops = ownHopsRead::get;
        WorldReadiness.register("test-world", world);
        WorldReadiness.register("test-own-hops", ownHops);
        try {
            assertThat(WorldReadiness.ready()).isFalse();
            worldRead.set(true);
            assertThat(WorldReadiness.ready()).isFalse();
            assertThat(WorldReadiness.readers()).containsEntry("test-world", true).containsEntry("test-own-hops", false);
            ownHopsRead.set(true);
            assertThat(WorldReadiness.ready()).isTrue();
        } finally {
            WorldReadiness.unregister("test-world", world);
            WorldReadiness.unregister("test-own-hops", ownHops);
        }
        assertThat(WorldReadiness.readers()).doesNotContainKeys("test-world", "test-own-hops");
    }

    @Test
    void aReaderRegisteredAgainUnderTheSameNameIsNotRemovedByTheOldOnesClose() {
        BooleanSupplier old = () -> true;
        BooleanSupplier replacement = () -> false;
        WorldReadiness.register("test-tail", old);
        WorldReadiness.register("test-tail", replacement);
        WorldReadiness.unregister("test-tail", old);
        try {
            assertThat(WorldReadiness.readers()).containsEntry("test-tail", false);
        } finally {
            WorldReadiness.unregister("test-tail", replacement);
        }
    }
}

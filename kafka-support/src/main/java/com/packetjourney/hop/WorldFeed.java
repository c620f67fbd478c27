package com.packetjourney.hop;

import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.kafka.World;
import com.packetjourney.kafka.WorldChanges;

/**
 * A service's world as it reads it: the tail over its subscribed world topics (from the beginning, on every
 * start), the action once it has read them up to where they stood at start (resume the hop's input, start a control
 * loop), and the write path of the world changes its API makes ({@link WorldChanges}).
 */
public final class WorldFeed implements AutoCloseable {
    private final TopicTail tail;
    private final WorldChanges changes;

    private WorldFeed(TopicTail tail, KeyedWriter writer) {
        this.tail = tail;
        this.changes = writer == null ? null : new WorldChanges(writer, tail);
    }

    /** Starts reading {@code world}; {@code onCaughtUp} runs once on the tail's thread when it has caught up. */
    public static WorldFeed start(String name, String bootstrapServers, World world, Runnable onCaughtUp,
                                  KeyedWriter writer) {
        return new WorldFeed(world.reading(name, bootstrapServers).onCaughtUp(onCaughtUp).start(), writer);
    }

    /** Blocks until the world as it stood at start has been applied (or fails after 60 s). */
    public void awaitCaughtUp() {
        tail.awaitCaughtUpOrFail();
    }

    public boolean isCaughtUp() {
        return tail.isCaughtUp();
    }

    /** Writes a world change and waits until this service has read it back (see {@link WorldChanges}). */
    public WorldChanges.Applied publish(String topic, String key, Object value) {
        if (changes == null) {
            throw new IllegalStateException("this world feed was started without a writer");
        }
        return changes.publish(topic, key, value);
    }

    @Override
    public void close() {
        tail.close();
    }
}

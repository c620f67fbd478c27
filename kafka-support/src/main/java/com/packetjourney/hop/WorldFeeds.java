package com.packetjourney.hop;

import com.packetjourney.kafka.HopInput;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.ReadBackWrites;
import com.packetjourney.kafka.TopicTail;
import com.packetjourney.kafka.World;
import com.packetjourney.kafka.WorldChanges;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts the tails a service reads its world with (from the beginning, on every start) and closes them when it
 * stops; the first one it starts is the service's world, where its own world changes are read back
 * ({@link WorldChanges}, a bean of its own).
 */
@Singleton
public class WorldFeeds {
    private final ChannelRegistry channels;
    private final String bootstrapServers;
    private final String service;
    private final ReadBackWrites changes;
    private final List<TopicTail> tails = new CopyOnWriteArrayList<>();

    WorldFeeds(ChannelRegistry channels, KeyedWriter writer,
               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
               @ConfigProperty(name = "quarkus.application.name") String service) {
        this.channels = channels;
        this.bootstrapServers = bootstrapServers;
        this.service = service;
        this.changes = new ReadBackWrites(writer, WorldChanges.APPLY_TIMEOUT);
    }

    /** The service's world: {@code onCaughtUp} runs once, on the tail's thread, when it has read it all. */
    public TopicTail start(World world, Runnable onCaughtUp) {
        TopicTail tail = started(world.reading(service, bootstrapServers).onCaughtUp(onCaughtUp));
        if (tails.size() == 1) {
            changes.readBackFrom(tail);
        }
        return tail;
    }

    /** Another tail of the service's, such as one over its own hop topic. */
    public TopicTail started(TopicTail.Builder tail) {
        TopicTail started = tail.start();
        tails.add(started);
        return started;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Resumes the hop's paused input once {@code readers} tails have caught up (see {@link HopInput}). */
    public Runnable resumeAfter(int readers, String hopInput) {
        return HopInput.resumerAfter(readers, channels, hopInput);
    }

    @Produces
    @Singleton
    WorldChanges worldChanges() {
        return changes;
    }

    @PreDestroy
    void close() {
        tails.forEach(TopicTail::close);
    }
}

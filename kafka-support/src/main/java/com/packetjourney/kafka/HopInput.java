package com.packetjourney.kafka;

import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hop's input channel starts paused ({@code pausable=true}, {@code pausable.initially-paused=true}) and is resumed
 * once the world its decisions need has been read, so the hop method itself never waits and can run on the event
 * loop. Used as a {@link TopicTail.Builder#onCaughtUp} action.
 */
public final class HopInput {
    private static final Logger LOG = Logger.getLogger(HopInput.class);

    private HopInput() {
    }

    /** Resumes {@code channel}; fails, naming the channel, if it was not configured pausable. */
    public static Runnable resumer(ChannelRegistry channels, String channel) {
        return resumerAfter(1, channels, channel);
    }

    /** Resumes {@code channel} once the returned action has run {@code readers} times (once per tail it waits for). */
    public static Runnable resumerAfter(int readers, ChannelRegistry channels, String channel) {
        AtomicInteger reading = new AtomicInteger(readers);
        return () -> {
            if (reading.decrementAndGet() != 0) {
                return;
            }
            PausableChannel input = channels.getPausable(channel);
            if (input == null) {
                throw new IllegalStateException(channel + " is not pausable: see application.properties");
            }
            LOG.infof("world read up to where it stood at start: %s resumed", channel);
            input.resume();
        };
    }
}

package com.packetjourney.contracts;

import java.util.Objects;

/**
 * One kind of hop as the chain declares it. {@code number} and {@code wireName} are its identity on the wire and in
 * every stored log and snapshot: they are never changed or reused, whatever hops are added before or after it. Its
 * place in the journey is its position in a {@link HopChain}, which is not stored anywhere.
 *
 * @param number      the {@code hop} field of its events; fixed forever
 * @param wireName    the {@code type} field of its events; fixed forever
 * @param service     the service that computes it
 * @param topic       the topic its events are written to
 * @param title       a short name for tables and the viewer
 * @param description one sentence of what happens at this hop
 */
public record HopDefinition(int number, String wireName, String service, String topic, String title,
                            String description) {
    public HopDefinition {
        if (number < 0) {
            throw new IllegalArgumentException("hop numbers are not negative: " + number);
        }
        Objects.requireNonNull(wireName, "wireName");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
    }
}

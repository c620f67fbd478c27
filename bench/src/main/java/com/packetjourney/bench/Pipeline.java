package com.packetjourney.bench;

import java.util.List;

/**
 * Something journeys go through: the stack (HTTP to the laptop, five services) or the plain Kafka chain that is
 * its limit. Its reader reports each journey's end, with when it passed every hop, to the current {@link Run}.
 */
interface Pipeline extends AutoCloseable {
    String name();

    /** What each stamp interval measures: from the send to the first stamp, between stamps, to the reader. */
    List<String> hopNames();

    /** Starts one journey; must not wait for it. */
    void send(String journeyId, Run run);

    /** Where the reader reports ends from now on. */
    void measureInto(Run run);

    @Override
    void close();
}

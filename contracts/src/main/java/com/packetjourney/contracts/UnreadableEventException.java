package com.packetjourney.contracts;

/** A record that cannot be read as the event its topic carries; the reason goes to the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String reason) {
        super(reason);
    }
}

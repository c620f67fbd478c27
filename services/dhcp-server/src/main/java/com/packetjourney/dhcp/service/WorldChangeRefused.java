package com.packetjourney.dhcp.service;

/** A requested world change that is not made, naming the input at fault and why. */
public class WorldChangeRefused extends RuntimeException {

    /** INVALID: the input is malformed; UNKNOWN: it names nothing in the world; CONFLICT: it collides with it. */
    public enum Reason {
        INVALID, UNKNOWN, CONFLICT
    }

    private final Reason reason;
    private final String field;

    public WorldChangeRefused(Reason reason, String field, String detail) {
        super(detail);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}

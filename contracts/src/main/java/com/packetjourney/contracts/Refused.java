package com.packetjourney.contracts;

/**
 * A request a service does not carry out, naming the input at fault and why: thrown by domain and service code
 * alike, and answered by every service's API as one problem+json (400, 404, 409 or 503 by {@link Kind}).
 */
public class Refused extends RuntimeException {

    /** INVALID: the input is malformed; UNKNOWN: it names nothing there is; CONFLICT: the world already is so;
     *  UNAVAILABLE: fine, but it cannot be taken now (retry). */
    public enum Kind {
        INVALID, UNKNOWN, CONFLICT, UNAVAILABLE
    }

    private final Kind kind;
    private final String field;

    public Refused(Kind kind, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.field = field;
    }

    public static Refused invalid(String field, String detail) {
        return new Refused(Kind.INVALID, field, detail);
    }

    public static Refused unknown(String field, String detail) {
        return new Refused(Kind.UNKNOWN, field, detail);
    }

    public static Refused conflict(String field, String detail) {
        return new Refused(Kind.CONFLICT, field, detail);
    }

    public static Refused unavailable(String detail) {
        return new Refused(Kind.UNAVAILABLE, null, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault (a body property, a path or query parameter), or null. */
    public String field() {
        return field;
    }
}

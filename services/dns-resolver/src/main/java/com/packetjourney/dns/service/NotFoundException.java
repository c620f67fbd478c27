package com.packetjourney.dns.service;

/** The zone or RRset a request names does not exist; {@code field} is the request field naming it. */
public class NotFoundException extends RuntimeException {
    private final String field;

    public NotFoundException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

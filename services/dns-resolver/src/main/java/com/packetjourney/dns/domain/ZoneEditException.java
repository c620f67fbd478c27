package com.packetjourney.dns.domain;

/** A zone edit that cannot be made, naming the field of the request at fault. */
public class ZoneEditException extends IllegalArgumentException {
    private final String field;

    public ZoneEditException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

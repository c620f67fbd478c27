package com.packetjourney.dns.rest;

/** A request parameter that is missing or has no valid value. */
public class InvalidParameterException extends RuntimeException {
    private final String field;

    public InvalidParameterException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

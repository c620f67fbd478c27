package com.packetjourney.journeylog.rest;

/** A request parameter that cannot be used, with the field's name and why; answered as 400 problem+json. */
public class BadParameterException extends RuntimeException {
    private final String field;

    public BadParameterException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package com.packetjourney.laptop.domain;

/** A browser request that cannot start a journey: names the offending field and why. */
public class InvalidRequestException extends RuntimeException {
    private final String field;
    private final String detail;

    public InvalidRequestException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
        this.detail = detail;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}

package com.packetjourney.dhcp.domain;

/** A pool setting that a LAN's DHCP server cannot take: names the field and why. */
public class InvalidPoolException extends IllegalArgumentException {
    private final String field;

    public InvalidPoolException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

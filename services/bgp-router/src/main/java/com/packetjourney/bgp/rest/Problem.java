package com.packetjourney.bgp.rest;

/** An RFC 9457 problem detail, with the request field at fault. */
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";
}

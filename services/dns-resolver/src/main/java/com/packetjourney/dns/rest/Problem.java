package com.packetjourney.dns.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, extended with the request field at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem badRequest(String field, String detail) {
        return new Problem("about:blank", "Bad Request", 400, detail, field);
    }

    public static Problem notFound(String field, String detail) {
        return new Problem("about:blank", "Not Found", 404, detail, field);
    }
}

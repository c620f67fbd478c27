package com.packetjourney.laptop.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail, extended with the request field at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response badRequest(String field, String detail) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", "Bad Request", 400, detail, field))
                .build();
    }

    /** The request was fine but cannot be taken now; Retry-After says when to try again. */
    public static Response unavailable(String detail) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MEDIA_TYPE)
                .header("Retry-After", "1")
                .entity(new Problem("about:blank", "Service Unavailable", 503, detail, null))
                .build();
    }
}

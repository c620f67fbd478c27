package com.packetjourney.journeylog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail, extended with the request field at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response badRequest(String field, String detail) {
        return response(Response.Status.BAD_REQUEST, field, detail);
    }

    public static Response notFound(String field, String detail) {
        return response(Response.Status.NOT_FOUND, field, detail);
    }

    public static Response unavailable(String detail) {
        return response(Response.Status.SERVICE_UNAVAILABLE, null, detail);
    }

    private static Response response(Response.Status status, String field, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, field))
                .build();
    }
}

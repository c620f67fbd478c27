package com.packetjourney.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.Refused;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail, extended with {@code field}: the request field at fault, where there is one. Every
 * service answers every error this way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Seconds a client should wait before retrying an answer of 503. */
    static final String RETRY_AFTER_SECONDS = "1";

    public static Problem of(int status, String field, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return new Problem("about:blank", title, status, detail, field);
    }

    /** The answer carrying this problem (a 503 says when to retry). */
    public Response response() {
        Response.ResponseBuilder answer = Response.status(status).type(MEDIA_TYPE).entity(Json.write(this));
        if (status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            answer.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }

    public static Response response(int status, String field, String detail) {
        return of(status, field, detail).response();
    }

    /** A refusal as its problem: INVALID 400, UNKNOWN 404, CONFLICT 409, UNAVAILABLE 503. */
    public static Problem of(Refused refused) {
        int status = switch (refused.kind()) {
            case INVALID -> 400;
            case UNKNOWN -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
        return of(status, refused.field(), refused.getMessage());
    }
}

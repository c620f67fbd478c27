package com.packetjourney.cni.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.packetjourney.contracts.Json;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail, with the request field at fault when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail, String field) {
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, field);
        return Response.status(status).type(MEDIA_TYPE).entity(Json.write(problem)).build();
    }
}

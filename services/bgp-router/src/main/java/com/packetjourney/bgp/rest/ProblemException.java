package com.packetjourney.bgp.rest;

import jakarta.ws.rs.core.Response;

/** Bad request input: answered as an application/problem+json document naming the field. */
public class ProblemException extends RuntimeException {
    private final Response.Status status;
    private final String field;

    public ProblemException(Response.Status status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public Problem problem() {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), getMessage(), field);
    }
}

package com.packetjourney.dhcp.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.packetjourney.dhcp.service.WorldChangeRefused;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused changes and bodies that are not the expected JSON, as problem+json naming the field where one is known. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refused(WorldChangeRefused e) {
        Status status = switch (e.reason()) {
            case UNKNOWN -> Status.NOT_FOUND;
            case CONFLICT -> Status.CONFLICT;
            case INVALID -> Status.BAD_REQUEST;
        };
        return Problem.of(status, e.field(), e.getMessage());
    }

    /** JSON of the wrong shape (an object where text belongs, say); Quarkus REST rethrows these as they are. */
    @ServerExceptionMapper
    public Response wrongJson(MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
        return Problem.of(Status.BAD_REQUEST, field,
                "body does not have the expected shape: " + e.getOriginalMessage());
    }

    /** Quarkus REST wraps JSON syntax errors in a 400 WebApplicationException; other ones keep their response. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return Problem.of(Status.BAD_REQUEST, null, "body is not valid JSON: " + json.getOriginalMessage());
        }
        return e.getResponse();
    }
}

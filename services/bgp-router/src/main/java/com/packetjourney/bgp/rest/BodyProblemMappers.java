package com.packetjourney.bgp.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Request bodies that are not the expected JSON, as problem documents naming the field where one is known. */
public class BodyProblemMappers {
    private final ProblemMapper problems = new ProblemMapper();

    /** JSON of the wrong shape (an object where text belongs, say); Quarkus REST rethrows these as they are. */
    @ServerExceptionMapper
    public Response wrongJson(MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
        return problems.toResponse(new ProblemException(Status.BAD_REQUEST, field,
                "body does not have the expected shape: " + e.getOriginalMessage()));
    }

    /** Quarkus REST wraps JSON syntax errors in a 400 WebApplicationException; other ones keep their response. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return problems.toResponse(new ProblemException(Status.BAD_REQUEST, null,
                    "body is not valid JSON: " + json.getOriginalMessage()));
        }
        return e.getResponse();
    }
}

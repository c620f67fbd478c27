package com.packetjourney.alb.rest;

import com.packetjourney.contracts.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link NotFoundProblem} with an RFC 9457 problem document naming the field at fault. */
@Provider
public class ProblemMapper implements ExceptionMapper<NotFoundProblem> {
    public static final String PROBLEM_JSON = "application/problem+json";

    record Problem(String type, String title, int status, String detail, String field) {
    }

    @Override
    public Response toResponse(NotFoundProblem problem) {
        int status = Response.Status.NOT_FOUND.getStatusCode();
        return Response.status(status).type(PROBLEM_JSON)
                .entity(Json.write(new Problem("about:blank", "Not Found", status, problem.getMessage(),
                        problem.field())))
                .build();
    }
}

package com.packetjourney.bgp.rest;

import com.packetjourney.contracts.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes a {@link ProblemException} as its problem document (serialised here, whatever the client accepts). */
@Provider
public class ProblemMapper implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
        Problem problem = e.problem();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(Json.write(problem)).build();
    }
}

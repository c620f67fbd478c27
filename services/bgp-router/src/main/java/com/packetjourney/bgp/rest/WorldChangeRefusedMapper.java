package com.packetjourney.bgp.rest;

import com.packetjourney.bgp.service.WorldChangeRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused world change as a problem document: malformed input 400, unknown 404, already so 409. */
@Provider
public class WorldChangeRefusedMapper implements ExceptionMapper<WorldChangeRefused> {
    private final ProblemMapper problems = new ProblemMapper();

    @Override
    public Response toResponse(WorldChangeRefused e) {
        Status status = switch (e.reason()) {
            case INVALID -> Status.BAD_REQUEST;
            case UNKNOWN -> Status.NOT_FOUND;
            case CONFLICT -> Status.CONFLICT;
        };
        return problems.toResponse(new ProblemException(status, e.field(), e.getMessage()));
    }
}

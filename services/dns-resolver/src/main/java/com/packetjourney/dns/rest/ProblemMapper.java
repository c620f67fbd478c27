package com.packetjourney.dns.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad request parameters as problem+json naming the parameter. */
public class ProblemMapper {
    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.badRequest(e.field(), e.getMessage()))
                .build();
    }
}

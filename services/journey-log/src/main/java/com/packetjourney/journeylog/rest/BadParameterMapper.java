package com.packetjourney.journeylog.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a bad query parameter into an RFC 9457 problem that names it. */
@Provider
public class BadParameterMapper implements ExceptionMapper<BadParameterException> {
    @Override
    public Response toResponse(BadParameterException e) {
        return Problem.badRequest(e.field(), e.getMessage());
    }
}

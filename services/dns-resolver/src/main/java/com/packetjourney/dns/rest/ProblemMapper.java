package com.packetjourney.dns.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.packetjourney.dns.domain.ZoneEditException;
import com.packetjourney.dns.service.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad requests and unknown zones or RRsets as problem+json naming the field at fault. */
public class ProblemMapper {
    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return respond(Problem.badRequest(e.field(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidEdit(ZoneEditException e) {
        return respond(Problem.badRequest(e.field(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.notFound(e.field(), e.getMessage()));
    }

    /** JSON of the wrong shape (text where a number belongs, say); Quarkus REST rethrows these as they are. */
    @ServerExceptionMapper
    public Response wrongJson(MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
        return respond(Problem.badRequest(field, "body is not an RRset: " + e.getOriginalMessage()));
    }

    /** Quarkus REST wraps JSON syntax errors in a 400 WebApplicationException; other ones keep their response. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(Problem.badRequest("body", "body is not valid JSON: " + json.getOriginalMessage()));
        }
        return e.getResponse();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

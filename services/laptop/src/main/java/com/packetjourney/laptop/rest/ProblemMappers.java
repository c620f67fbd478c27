package com.packetjourney.laptop.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.packetjourney.laptop.domain.InvalidRequestException;
import com.packetjourney.laptop.messaging.BrokerBusyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Set;

/** Bad requests as problem+json naming the field: invalid values, and bodies that are not the expected JSON. */
public class ProblemMappers {
    private static final Set<String> FIELDS = Set.of("url", "client", "at", "after", "journeyId");

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problem.badRequest(e.field(), e.detail());
    }

    /** Too many journeys waiting for the broker: 503 with Retry-After, nothing sent. */
    @ServerExceptionMapper
    public Response brokerBusy(BrokerBusyException e) {
        return Problem.unavailable(e.getMessage());
    }

    /** JSON of the wrong shape (an object where text belongs, say); Quarkus REST rethrows these as they are. */
    @ServerExceptionMapper
    public Response wrongJson(MismatchedInputException e) {
        return Problem.badRequest(fieldOf(e.getPath()), "body is not a journey request: " + e.getOriginalMessage());
    }

    /** Quarkus REST wraps JSON syntax errors in a 400 WebApplicationException; other ones keep their response. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return Problem.badRequest(null, "body is not valid JSON: " + json.getOriginalMessage());
        }
        return e.getResponse();
    }

    private static String fieldOf(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return null;
        }
        String name = path.get(0).getFieldName();
        return FIELDS.contains(name) ? name : null;
    }
}

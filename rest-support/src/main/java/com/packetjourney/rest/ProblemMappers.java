package com.packetjourney.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.packetjourney.contracts.Refused;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Every error a service's API answers, as problem+json: refusals with the field at fault, bodies that are not the
 * expected JSON (naming the property where Jackson knows it), and the framework's own errors (404 for an unknown
 * path, 405, 415 and the like) with their status. No Java class name reaches a client.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refused(Refused e) {
        return Problem.of(e).response();
    }

    /** JSON of the wrong shape (an object where text belongs, say); Quarkus REST rethrows these as they are. */
    @ServerExceptionMapper
    public Response wrongJson(MismatchedInputException e) {
        return Problem.response(400, fieldOf(e), "body does not have the expected shape: "
                + e.getOriginalMessage());
    }

    /** Quarkus REST wraps JSON syntax errors in a 400 WebApplicationException; others keep their status. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof MismatchedInputException wrong) {
            return wrongJson(wrong);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return Problem.response(400, fieldOf(json), "body is not valid JSON: " + json.getOriginalMessage());
        }
        Response answer = e.getResponse();
        if (answer != null && Problem.MEDIA_TYPE.equals(String.valueOf(answer.getMediaType()))) {
            return answer;
        }
        int status = answer == null ? 500 : answer.getStatus();
        return Problem.response(status, null, describe(status, e));
    }

    private static String describe(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 406 -> "no representation of the resource is acceptable to the client";
            case 415 -> "the body's content type is not supported here (send application/json)";
            default -> e.getMessage() == null ? Response.Status.fromStatusCode(status) + "" : e.getMessage();
        };
    }

    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            List<JsonMappingException.Reference> path = mapping.getPath();
            return path.isEmpty() ? null : path.get(0).getFieldName();
        }
        return null;
    }
}

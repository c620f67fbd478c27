package com.packetjourney.journeylog.rest;

import com.packetjourney.contracts.FailureCode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/**
 * Every way a journey can fail, with the hop that detects it, a one-line explanation and what the browser shows
 * (Chrome's net error name, or the HTTP error page).
 */
@Path("/failure-codes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "failure codes")
public class FailureCodeResource {

    public record FailureCodeInfo(FailureCode code, String hop, String explanation, String browserShows) {
    }

    @GET
    @Operation(summary = "Every failure code, the hop that reports it and what it means")
    public List<FailureCodeInfo> failureCodes() {
        return Arrays.stream(FailureCode.values())
                .map(c -> new FailureCodeInfo(c, c.hop().wireName(), c.explanation(), c.browserShows()))
                .toList();
    }
}

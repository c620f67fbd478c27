package com.packetjourney.journeylog.rest;

import com.packetjourney.contracts.HopChain;
import com.packetjourney.contracts.HopDefinition;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The hops of a journey in order, as the contracts declare them: what the viewer draws its rows from. */
@Path("/hops")
@Produces(MediaType.APPLICATION_JSON)
public class HopChainResource {

    @GET
    @Operation(summary = "Every hop of a journey in order: its fixed number, type, service, topic, title and "
            + "description")
    public List<HopDefinition> hops() {
        return HopChain.STANDARD.hops();
    }
}

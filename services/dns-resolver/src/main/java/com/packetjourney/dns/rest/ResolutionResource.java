package com.packetjourney.dns.rest;

import com.packetjourney.contracts.Refused;
import com.packetjourney.dns.service.DnsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** The recursive resolver's view: a cold-cache resolution traced query by query (like dig +trace). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ResolutionResource {
    private final DnsService service;

    ResolutionResource(DnsService service) {
        this.service = service;
    }

    @GET
    @Path("resolve")
    public DnsService.Trace resolve(@QueryParam("name") String name) {
        if (name == null || name.isBlank()) {
            throw Refused.invalid("name", "the name to resolve is missing, e.g. ?name=packet-journey.com");
        }
        try {
            return service.trace(Name.fromString(name.strip(), Name.root));
        } catch (TextParseException e) {
            throw Refused.invalid("name", "'" + name + "' is not a domain name: " + e.getMessage());
        }
    }
}

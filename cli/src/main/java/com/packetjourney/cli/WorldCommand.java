package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * ./packet-journey world ...: what-if changes to a running world, each made through the REST API of the service that
 * owns that part of it (which validates it and writes it to its world topic). Prints what changed, or the service's
 * problem detail with exit code 1.
 */
final class WorldCommand {
    static final String USAGE = """
              world bgp announce ASN PREFIX
                                       AS ASN starts originating PREFIX (a more specific from another AS: a hijack)
              world bgp withdraw ASN PREFIX
                                       AS ASN stops originating PREFIX
              world clients add NAME MAC LAN
                                       a new device NAME with address MAC joins LAN (send --client NAME uses it)
              world dhcp pool LAN START END [--lease SECONDS]
                                       give LAN's DHCP server the address pool START-END
              world dhcp release LAN MAC
                                       the client MAC sends a DHCPRELEASE: its address returns to the pool
              world dns set ORIGIN NAME TYPE VALUE... [--ttl N]
                                       set a record set in zone ORIGIN
              world dns delete ORIGIN NAME TYPE
                                       delete a record set from zone ORIGIN
              world dns flush [--level L]
                                       empty the DNS caches: L is browser, os, router, resolver or all (default)
            """ + WorldK8sCommand.USAGE;

    private final StackClient client;
    private final PrintStream out;
    private final PrintStream err;

    WorldCommand(StackClient client, PrintStream out, PrintStream err) {
        this.client = client;
        this.out = out;
        this.err = err;
    }

    int run(PacketJourney.Args a) {
        String command = a.positional(0, "") + " " + a.positional(1, "");
        try {
            return switch (command) {
                case "bgp announce" -> printed(client.announce(arg(a, 2, "ASN"), arg(a, 3, "PREFIX")));
                case "bgp withdraw" -> printed(client.withdraw(arg(a, 2, "ASN"), arg(a, 3, "PREFIX")));
                case "clients add" -> printed(client.addClient(arg(a, 2, "NAME"), arg(a, 3, "MAC"),
                        arg(a, 4, "LAN")));
                case "dhcp pool" -> printed(client.setPool(arg(a, 2, "LAN"), arg(a, 3, "START"), arg(a, 4, "END"),
                        a.opt("lease")));
                case "dhcp release" -> printed(client.release(arg(a, 2, "LAN"), arg(a, 3, "MAC")));
                case "dns set" -> printed(client.setRecord(arg(a, 2, "ORIGIN"), arg(a, 3, "NAME"), arg(a, 4, "TYPE"),
                        ttl(a.opt("ttl")), values(a)));
                case "dns delete" -> printed(client.deleteRecord(arg(a, 2, "ORIGIN"), arg(a, 3, "NAME"),
                        arg(a, 4, "TYPE")));
                case "dns flush" -> printed(client.flushCaches(a.opt("level", "all")));
                case "k8s scale", "k8s delete-pod", "k8s set-image", "k8s slow-pod" -> {
                    out.println(new WorldK8sCommand(client).run(a));
                    yield 0;
                }
                default -> {
                    err.print("unknown world command '" + command.trim() + "'\n\nusage:\n" + USAGE);
                    yield 2;
                }
            };
        } catch (StackClient.HttpProblem p) {
            if (p.status / 100 != 4) {
                throw p;
            }
            err.println(refusal(p));
            return 1;
        }
    }

    private int printed(JsonNode change) {
        out.println(describe(change));
        return 0;
    }

    /** A few words for each change the services report; any other answer as its JSON. */
    static String describe(JsonNode c) {
        String applied = c.path("applied").asBoolean(false) ? "the service has applied it"
                : "the service has not applied it yet";
        if (c.has("change") && c.has("originates")) {
            List<String> originates = new ArrayList<>();
            c.path("originates").forEach(p -> originates.add(p.asText()));
            String verb = c.path("change").asText().equals("withdrawn") ? "withdrew" : c.path("change").asText();
            return "AS" + c.path("asn").asText() + " " + verb + " " + c.path("prefix").asText()
                    + "; it now originates " + String.join(", ", originates) + " (written to "
                    + c.path("topic").asText() + "; " + applied + ")";
        }
        if (c.has("poolStart") && c.has("topic")) {
            return "LAN " + c.path("lan").asText() + " now leases " + c.path("poolStart").asText() + "-"
                    + c.path("poolEnd").asText() + " (" + c.path("size").asText() + " addresses) for "
                    + c.path("leaseSeconds").asText() + " s (written to " + c.path("topic").asText() + "; " + applied
                    + ")";
        }
        if (c.has("mac") && c.has("name") && c.has("topic")) {
            return c.path("name").asText() + " (" + c.path("mac").asText() + ") joined LAN " + c.path("lan").asText()
                    + " (written to " + c.path("topic").asText() + "; " + applied + ")";
        }
        if (c.has("clientMac") && c.has("topic")) {
            return c.path("clientMac").asText() + " released " + c.path("address").asText() + " on LAN "
                    + c.path("lan").asText() + ": the address is back in the pool (tombstoned on "
                    + c.path("topic").asText() + "; " + applied + ")";
        }
        if (c.has("masterFile")) {
            return "zone " + c.path("origin").asText() + " is now:\n" + c.path("masterFile").asText().stripTrailing();
        }
        if (c.has("level") && c.has("at")) {
            return "flushed the " + c.path("level").asText() + " DNS caches as of " + c.path("at").asText()
                    + "; journeys after that instant resolve afresh";
        }
        return Json.write(c);
    }

    /** The service's problem+json as one line: status, the field at fault and why. */
    static String refusal(StackClient.HttpProblem p) {
        try {
            JsonNode problem = Json.read(p.body, JsonNode.class);
            String field = problem.path("field").isTextual() ? " (" + problem.path("field").asText() + ")" : "";
            return "refused: " + p.status + " " + problem.path("title").asText("") + field + ": "
                    + problem.path("detail").asText(p.body);
        } catch (RuntimeException notJson) {
            return "refused: " + p.status + " " + p.body;
        }
    }

    private static String arg(PacketJourney.Args a, int index, String name) {
        String value = a.positional(index, null);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name + "; usage:\n" + USAGE);
        }
        return value;
    }

    private static Long ttl(String ttl) {
        if (ttl == null) {
            return null;
        }
        try {
            return Long.valueOf(ttl);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ttl must be a whole number of seconds, not '" + ttl + "'");
        }
    }

    private static List<String> values(PacketJourney.Args a) {
        List<String> values = a.positionals().subList(Math.min(5, a.positionals().size()), a.positionals().size());
        if (values.isEmpty()) {
            throw new IllegalArgumentException("missing VALUE; usage:\n" + USAGE);
        }
        return values;
    }
}

package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ./packet-journey world ...: what-if changes to a running world, each made through the REST API of the service that
 * owns that part of it (which validates it and writes it to its world topic). Prints what changed; a refusal is the
 * service's problem detail on one line (exit code 2 for a malformed value, 1 for any other refusal).
 */
@Command(name = "world", description = {"Change the running world: BGP, DHCP, DNS, Kubernetes.",
        "Each change goes to the service that owns that part of the world, e.g. world bgp withdraw 16509 "
        + "54.216.0.0/15; the service checks it and writes it to its world topic, and the services react from there."},
        subcommands = {WorldCommand.Bgp.class, WorldCommand.Clients.class, WorldCommand.Dhcp.class, WorldCommand.Dns.class, WorldK8sCommand.class})
final class WorldCommand {
    @Mixin
    HelpOption help;

    /** A change: made by {@link #change}, printed as a sentence or as the service's answer (-o json|yaml). */
    abstract static class Change extends CliCommand {
        @Mixin
        Output output;

        abstract JsonNode change(StackClient client);

        String describe(JsonNode answer) {
            return WorldCommand.describe(answer);
        }

        @Override
        public Integer call() {
            JsonNode answer = change(client());
            out().print(output.isText() ? describe(answer) + "\n" : output.document(answer));
            return ExitCode.OK;
        }
    }

    @Command(name = "bgp", description = "Announcements of the autonomous systems (bgp-router).",
            subcommands = {Announce.class, Withdraw.class})
    static final class Bgp {
        @Mixin
        HelpOption help;
    }

    @Command(name = "announce", description = "AS ASN starts originating PREFIX (a more specific one from another AS: "
            + "a hijack, which traffic follows by longest-prefix match).")
    static final class Announce extends Change {
        @Parameters(index = "0", paramLabel = "ASN", description = "the autonomous system, e.g. 2914")
        long asn;
        @Parameters(index = "1", paramLabel = "PREFIX", description = "in CIDR notation, e.g. 54.217.40.0/24")
        String prefix;

        @Override
        JsonNode change(StackClient client) {
            return client.announce(String.valueOf(asn), prefix);
        }
    }

    @Command(name = "withdraw", description = "AS ASN stops originating PREFIX.")
    static final class Withdraw extends Change {
        @Parameters(index = "0", paramLabel = "ASN", description = "the autonomous system, e.g. 16509")
        long asn;
        @Parameters(index = "1", paramLabel = "PREFIX", description = "in CIDR notation, e.g. 54.216.0.0/15")
        String prefix;

        @Override
        JsonNode change(StackClient client) {
            return client.withdraw(String.valueOf(asn), prefix);
        }
    }

    @Command(name = "clients", description = "The devices of the world (written by dhcp-server).",
            subcommands = {AddClient.class})
    static final class Clients {
        @Mixin
        HelpOption help;
    }

    @Command(name = "add", description = "A new device NAME with address MAC joins LAN (send --client NAME uses it).")
    static final class AddClient extends Change {
        @Parameters(index = "0", paramLabel = "NAME", description = "the device's host name, e.g. phone")
        String name;
        @Parameters(index = "1", paramLabel = "MAC", description = "its MAC address, e.g. 3c:22:fb:7a:10:02")
        String mac;
        @Parameters(index = "2", paramLabel = "LAN", description = "the LAN it joins, e.g. home")
        String lan;

        @Override
        JsonNode change(StackClient client) {
            return client.addClient(name, mac, lan);
        }
    }

    @Command(name = "dhcp", description = "The home router's DHCP server (dhcp-server).",
            subcommands = {Pool.class, Release.class})
    static final class Dhcp {
        @Mixin
        HelpOption help;
    }

    @Command(name = "pool", description = "Give LAN's DHCP server the address pool START-END.")
    static final class Pool extends Change implements Problems.FieldNames {
        @Parameters(index = "0", paramLabel = "LAN", description = "the LAN, e.g. home")
        String lan;
        @Parameters(index = "1", paramLabel = "START", description = "the pool's first address")
        String start;
        @Parameters(index = "2", paramLabel = "END", description = "the pool's last address")
        String end;
        @Option(names = "--lease", paramLabel = "SECONDS", description = "the lease time (default: as it is)")
        Long leaseSeconds;

        @Override
        public Map<String, String> fieldNames() {
            return Map.of("poolStart", "START", "poolEnd", "END", "leaseSeconds", "--lease");
        }

        @Override
        JsonNode change(StackClient client) {
            return client.setPool(lan, start, end, leaseSeconds == null ? null : String.valueOf(leaseSeconds));
        }
    }

    @Command(name = "release", description = "The client MAC sends a DHCPRELEASE: its address returns to the pool.")
    static final class Release extends Change {
        @Parameters(index = "0", paramLabel = "LAN", description = "the LAN, e.g. home")
        String lan;
        @Parameters(index = "1", paramLabel = "MAC", description = "the client's MAC address, e.g. 3c:22:fb:7a:10:01")
        String mac;

        @Override
        JsonNode change(StackClient client) {
            return client.release(lan, mac);
        }
    }

    @Command(name = "dns", description = "Zone records and resolver caches (dns-resolver).",
            subcommands = {DnsSet.class, DnsDelete.class, DnsFlush.class})
    static final class Dns {
        @Mixin
        HelpOption help;
    }

    @Command(name = "set", description = "Set a record set in zone ORIGIN.")
    static final class DnsSet extends Change {
        @Parameters(index = "0", paramLabel = "ORIGIN", description = "the zone, e.g. packet-journey.com.")
        String origin;
        @Parameters(index = "1", paramLabel = "NAME", description = "the owner name, e.g. www")
        String name;
        @Parameters(index = "2", paramLabel = "TYPE", description = "A, AAAA, CNAME, NS, ...")
        String type;
        @Parameters(index = "3..*", arity = "1..*", paramLabel = "VALUE", description = "the records' data")
        List<String> values;
        @Option(names = "--ttl", paramLabel = "SECONDS", description = "the time to live (default: the service's)")
        Long ttl;

        @Override
        JsonNode change(StackClient client) {
            return client.setRecord(origin, name, type, ttl, values);
        }
    }

    @Command(name = "delete", description = "Delete a record set from zone ORIGIN.")
    static final class DnsDelete extends Change {
        @Parameters(index = "0", paramLabel = "ORIGIN", description = "the zone, e.g. packet-journey.com.")
        String origin;
        @Parameters(index = "1", paramLabel = "NAME", description = "the owner name")
        String name;
        @Parameters(index = "2", paramLabel = "TYPE", description = "the record type")
        String type;

        @Override
        JsonNode change(StackClient client) {
            return client.deleteRecord(origin, name, type);
        }
    }

    @Command(name = "flush", description = "Empty the DNS caches of one level.")
    static final class DnsFlush extends Change {
        @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "all",
                completionCandidates = CacheLevels.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        String level;

        @Override
        JsonNode change(StackClient client) {
            return client.flushCaches(level);
        }
    }

    /** The cache levels the resolver flushes, for --help and shell completion. */
    static final class CacheLevels extends ArrayList<String> {
        CacheLevels() {
            super(List.of("browser", "os", "router", "resolver", "all"));
        }
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
                    + c.path("poolEnd").asText() + " (" + Plural.of(c.path("size").asLong(), "address", "addresses")
                    + ") for "
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

    private WorldCommand() {
    }
}

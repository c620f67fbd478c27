package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

@Command(name = "journeys", description = {"List journeys with their outcome, most recently begun first.",
        "--watch goes on printing each journey as it starts and as it ends (journey-log's live stream) until "
        + "Ctrl-C."})
final class JourneysCommand extends CliCommand {
    static final String[] HEADER = {"JOURNEY", "STATUS", "SIM START", "SIM TOTAL", "HOPS", "LAST HOP / FAILURE", "URL"};

    @Option(names = "--status", paramLabel = "STATUS",
            description = "only these: ${COMPLETION-CANDIDATES}")
    JourneyStatus status;

    @Option(names = "--failing-hop", paramLabel = "HOP", description = "only those failed at this hop, e.g. "
            + "dns.resolved")
    String failingHop;

    @Option(names = "--failure-code", paramLabel = "CODE", description = "only those failed with this code, e.g. "
            + "DNS_NXDOMAIN")
    String failureCode;

    @Option(names = "--client", paramLabel = "NAME", description = "only those sent by this device")
    String client;

    @Option(names = "--domain", paramLabel = "NAME", description = "only those to this host or its subdomains")
    String domain;

    @Option(names = "--from", paramLabel = "INSTANT", description = "only those begun (simulated) at or after this")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "only those begun (simulated) before this")
    Instant to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N (1 to 1000, "
            + "default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "skip the N most recent first")
    int offset;

    @Option(names = {"-w", "--watch"}, description = "after the list, print each journey again whenever its status "
            + "changes, until interrupted")
    boolean watch;

    @Mixin
    Output output;

    Map<String, String> filters() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("status", status == null ? null : status.name());
        f.put("failingHop", failingHop);
        f.put("failureCode", failureCode);
        f.put("client", client);
        f.put("domain", domain);
        f.put("from", from == null ? null : from.toString());
        f.put("to", to == null ? null : to.toString());
        return f;
    }

    @Override
    public Integer call() {
        StackClient stack = client();
        if (watch) {
            return watch(stack);
        }
        StackClient.Page page = stack.journeysPage(filters(), offset, limit);
        JsonNode list = Json.read(page.json(), JsonNode.class);
        if (!output.isText()) {
            out().print(output.document(list));
            return ExitCode.OK;
        }
        if (list.isEmpty()) {
            out().println(offset == 0 && filters().values().stream().allMatch(v -> v == null)
                    ? "no journeys yet: ./packet-journey send" : "no journeys match");
            return ExitCode.OK;
        }
        out().print(table(list).render());
        if (page.total() > list.size()) {
            out().println(Style.dim("showing " + list.size() + " of " + Plural.of(page.total(), "journey")
                    + " (--limit, --offset for others)"));
        }
        return ExitCode.OK;
    }

    static TextTable table(JsonNode summaries) {
        TextTable table = new TextTable(HEADER);
        summaries.forEach(s -> addRow(table, s));
        return table;
    }

    static void addRow(TextTable table, JsonNode s) {
        List<String> cells = cells(s);
        JourneyStatus st = statusOf(s);
        table.row(1, text -> Style.status(st, text), cells.toArray(String[]::new));
    }

    static List<String> cells(JsonNode s) {
        String where = "FAILED".equals(s.path("status").asText())
                ? s.path("failedHop").asText() + " " + s.path("failureCode").asText()
                : s.path("lastHop").asText("-");
        return List.of(s.path("journeyId").asText(), s.path("status").asText(), s.path("simStartedAt").asText("-"),
                JourneyTable.ms(s.path("simTotalMicros").asLong()), s.path("hopCount").asText("-"), where,
                s.path("url").asText("-"));
    }

    private static JourneyStatus statusOf(JsonNode s) {
        try {
            return JourneyStatus.valueOf(s.path("status").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The stream first (so that nothing is missed between the list and it), the list once it says "ready", then
     * a line for each journey whose status changed since last printed: one when it starts, one when it ends.
     */
    private int watch(StackClient stack) {
        Map<String, String> printed = new HashMap<>();
        int[] widths = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = stack.journeyStream(filters())) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).strip());
                } else if (line.isEmpty()) {
                    if ("ready".equals(event)) {
                        widths = printList(stack, printed);
                    } else if ("journey".equals(event) && widths != null && data.length() > 0) {
                        JsonNode s = Json.read(data.toString(), JsonNode.class);
                        String id = s.path("journeyId").asText();
                        String st = s.path("status").asText();
                        if (!st.equals(printed.put(id, st))) {
                            print(s, widths);
                        }
                    }
                    event = null;
                    data.setLength(0);
                }
            }
        }
        throw CliError.unreachable("journey-log closed the stream", StackLocator.HINT, null);
    }

    private int[] printList(StackClient stack, Map<String, String> printed) {
        JsonNode list = Json.read(stack.journeysPage(filters(), offset, limit).json(), JsonNode.class);
        TextTable table = table(list);
        int[] widths = table.widths();
        // room for ids and hops longer than those listed, so later lines stay in their columns
        widths[0] = Math.max(widths[0], 36);
        widths[1] = Math.max(widths[1], JourneyStatus.IN_PROGRESS.name().length());
        widths[2] = Math.max(widths[2], 20);
        widths[5] = Math.max(widths[5], 32);
        if (output.isText()) {
            out().print(table.headerLine(widths));
        }
        for (int i = list.size() - 1; i >= 0; i--) { // oldest first, as the changes that follow
            JsonNode s = list.get(i);
            printed.put(s.path("journeyId").asText(), s.path("status").asText());
            print(s, widths);
        }
        out().flush();
        return widths;
    }

    private void print(JsonNode s, int[] widths) {
        if (output.isText()) {
            JourneyStatus st = statusOf(s);
            out().print(TextTable.line(cells(s), widths, 1, text -> Style.status(st, text)));
        } else {
            out().print(output.streamed(s));
        }
        out().flush();
    }
}

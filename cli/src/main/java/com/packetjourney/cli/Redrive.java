package com.packetjourney.cli;

import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What-if: re-issues a recorded journey's request (same URL and client, at the same simulated instant unless told
 * otherwise) as a new journey against the world as it is now, and lines both up hop by hop.
 */
public final class Redrive {
    private static final Duration JOURNEY_TIMEOUT = Duration.ofSeconds(60);
    private static final int FIELD_WIDTH = 20;
    private static final int VALUE_WIDTH = 46;

    /** Both journeys and their hop-by-hop comparison. */
    public record Result(JourneyView recorded, JourneyView redriven, List<JourneyDiff.HopDiff> hops) {
    }

    private Redrive() {
    }

    /**
     * Re-drives journey {@code journeyId} (a whole id or a unique prefix); {@code at} (ISO instant, simulated)
     * defaults to the recorded start.
     */
    public static Result run(StackClient client, String journeyId, String at) {
        return run(client, journeyId, at, (view, elapsed) -> { });
    }

    /** As {@link #run(StackClient, String, String)}, telling {@code progress} how the re-driven journey stands. */
    public static Result run(StackClient client, String journeyId, String at,
                             BiConsumer<Optional<JourneyView>, Duration> progress) {
        JourneyView recorded = Json.read(client.findJourney(journeyId).getValue(), JourneyView.class);
        String url = recorded.url();
        String device = recorded.client();
        if (!recorded.hops().isEmpty() && recorded.hops().get(0).payload() instanceof JourneyRequested r) {
            url = r.url();
            device = r.client();
        }
        if (url == null) {
            throw CliError.failure("journey " + journeyId + " has no recorded request to re-issue");
        }
        String when = at != null ? at : recorded.simStartedAt() == null ? null : recorded.simStartedAt().toString();
        String newId = client.send(url, device, when, null);
        JourneyView redriven = client.awaitEnd(newId, JOURNEY_TIMEOUT, progress)
                .orElseThrow(() -> CliError.failure("re-driven journey " + newId + " never reached journey-log"));
        if (redriven.status() == JourneyStatus.IN_PROGRESS) {
            redriven = withStatus(redriven, JourneyStatus.STALLED);
        }
        return new Result(recorded, redriven, JourneyDiff.compare(recorded, redriven));
    }

    private static JourneyView withStatus(JourneyView j, JourneyStatus status) {
        return new JourneyView(j.journeyId(), status, j.url(), j.client(), j.simStartedAt(), j.simTotalMicros(),
                j.lastHop(), j.failedHop(), j.failureCode(), j.failureMessage(), j.httpStatus(), j.hops());
    }

    /**
     * The re-driven journey fails (or stalls) where the recorded one did not: `redrive` then ends with exit code 1,
     * as `send` does for a failed journey.
     */
    public static boolean newlyFailed(Result r) {
        boolean recordedOk = r.recorded().status() == JourneyStatus.COMPLETED;
        boolean redrivenOk = r.redriven().status() == JourneyStatus.COMPLETED;
        return (recordedOk && !redrivenOk) || r.hops().stream().anyMatch(JourneyDiff.HopDiff::newFailure);
    }

    /** Old and new side by side: each hop's outcome, then the fields that tell what it decided. */
    public static String render(Result r) {
        StringBuilder out = new StringBuilder();
        out.append("re-drive of ").append(r.recorded().journeyId()).append(" as ").append(r.redriven().journeyId())
                .append(", against the world as it is now\n");
        out.append("request   ").append(r.recorded().url()).append(" from ").append(r.recorded().client())
                .append(", simulated start ").append(r.redriven().simStartedAt()).append("\n\n");
        out.append(row(" ", "hop / field", "recorded", "re-driven"));
        out.append("-".repeat(2 + FIELD_WIDTH + 2 * (VALUE_WIDTH + 1) + 10)).append('\n');
        for (JourneyDiff.HopDiff hop : r.hops()) {
            String mark = hop.newFailure() ? Style.red("!") : hop.isChanged() ? Style.yellow("*") : " ";
            out.append(row(mark, hop.hop().wireName(), hop.recorded().get(JourneyDiff.OUTCOME),
                    hop.redriven().get(JourneyDiff.OUTCOME)));
            List<String> keys = new ArrayList<>(hop.recorded().keySet());
            hop.redriven().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
            for (String key : keys) {
                if (!key.equals(JourneyDiff.OUTCOME)) {
                    out.append(row(hop.changed().contains(key) ? "*" : " ", "  " + key,
                            hop.recorded().getOrDefault(key, "-"), hop.redriven().getOrDefault(key, "-")));
                }
            }
        }
        out.append('\n').append("recorded  ").append(JourneyTable.summary(r.recorded())).append('\n');
        out.append("re-driven ").append(JourneyTable.summary(r.redriven())).append('\n');
        if (r.redriven().failureCode() != null) {
            out.append("          ").append(r.redriven().failureCode()).append(": ")
                    .append(r.redriven().failureCode().explanation()).append('\n');
        }
        List<String> changed = r.hops().stream().filter(JourneyDiff.HopDiff::isChanged)
                .map(h -> h.hop().wireName() + (h.newFailure() ? " (new failure)" : "")).toList();
        out.append(changed.isEmpty() ? "nothing changed\n" : "changed   " + String.join(", ", changed) + "\n");
        out.append("(* differs, ! fails in the re-drive where the recorded journey did not)\n");
        return out.toString();
    }

    private static String row(String mark, String field, String recorded, String redriven) {
        return String.format(Locale.ROOT, "%s %-" + FIELD_WIDTH + "s %-" + VALUE_WIDTH + "s %s%n", mark, field,
                fit(recorded), redriven);
    }

    private static String fit(String value) {
        return value.length() <= VALUE_WIDTH ? value : value.substring(0, VALUE_WIDTH - 1) + "…";
    }

    /** Both journeys' summaries and the hop-by-hop comparison, for -o json and -o yaml. */
    static Map<String, Object> document(Result r) {
        List<Map<String, Object>> hops = new ArrayList<>();
        for (JourneyDiff.HopDiff h : r.hops()) {
            Map<String, Object> hop = new LinkedHashMap<>();
            hop.put("hop", h.hop().wireName());
            hop.put("recorded", h.recorded());
            hop.put("redriven", h.redriven());
            hop.put("changed", h.changed());
            hop.put("newFailure", h.newFailure());
            hops.add(hop);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("recorded", summary(r.recorded()));
        doc.put("redriven", summary(r.redriven()));
        doc.put("hops", hops);
        return doc;
    }

    private static Map<String, Object> summary(JourneyView j) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("journeyId", j.journeyId());
        s.put("status", j.status());
        s.put("failedHop", j.failedHop());
        s.put("failureCode", j.failureCode());
        s.put("simTotalMicros", j.simTotalMicros());
        s.put("lastHop", j.lastHop());
        s.put("hopCount", j.hops().size());
        return s;
    }
}

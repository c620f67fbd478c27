package com.packetjourney.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shipped Grafana dashboards, and the PromQL of their panels as Prometheus would be asked it. */
final class Dashboards {
    static final String DIRECTORY = "observability/grafana/dashboards";
    /** Grafana's interval variables, replaced by fixed windows long enough for a few 1 s scrapes. */
    static final Map<String, String> INTERVALS = Map.of("$__rate_interval", "1m", "$__range", "10m",
            "$__interval", "15s");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    record Dashboard(String file, JsonNode json) {
        String title() {
            return json.path("title").asText();
        }
    }

    /** One PromQL expression of one panel, every variable replaced by a value. */
    record Query(String dashboard, String panel, String expr) {
        @Override
        public String toString() {
            return dashboard + " / " + panel + ": " + expr;
        }
    }

    private Dashboards() {
    }

    static List<Dashboard> load(Path home) {
        try (var files = Files.list(home.resolve(DIRECTORY))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .map(f -> new Dashboard(f.getFileName().toString(), read(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel, those inside collapsed rows included; rows themselves too. */
    static List<JsonNode> panels(Dashboard dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode p : dashboard.json().path("panels")) {
            panels.add(p);
            p.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** The values of each dashboard variable; only custom variables (fixed lists) are used. */
    static Map<String, List<String>> variables(Dashboard dashboard) {
        Map<String, List<String>> variables = new LinkedHashMap<>();
        for (JsonNode v : dashboard.json().path("templating").path("list")) {
            if (!"custom".equals(v.path("type").asText())) {
                throw new IllegalStateException(dashboard.file() + ": variable " + v.path("name").asText()
                        + " is of type " + v.path("type").asText() + "; only custom variables can be checked");
            }
            variables.put(v.path("name").asText(),
                    Arrays.stream(v.path("query").asText().split(",")).map(String::trim).toList());
        }
        return variables;
    }

    /** Every expression of every panel, once for each value of each variable it uses. */
    static List<Query> queries(Dashboard dashboard) {
        Map<String, List<String>> variables = variables(dashboard);
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                for (Map.Entry<String, String> interval : INTERVALS.entrySet().stream()
                        .sorted(Comparator.comparing(e -> -e.getKey().length())).toList()) {
                    expr = expr.replace(interval.getKey(), interval.getValue());
                }
                for (String expanded : expand(expr, variables)) {
                    queries.add(new Query(dashboard.title(), panel.path("title").asText(), expanded));
                }
            }
        }
        return queries;
    }

    private static List<String> expand(String expr, Map<String, List<String>> variables) {
        Matcher m = VARIABLE.matcher(expr);
        if (!m.find()) {
            return List.of(expr);
        }
        List<String> values = variables.get(m.group(1));
        if (values == null) {
            throw new IllegalStateException("unknown variable " + m.group() + " in " + expr);
        }
        List<String> expanded = new ArrayList<>();
        for (String value : values) {
            expanded.addAll(expand(expr.substring(0, m.start()) + value + expr.substring(m.end()), variables));
        }
        return expanded;
    }

    static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.Locale;
import java.util.Map;

/**
 * A service's application/problem+json answer (RFC 9457, with the request field at fault) as one line for people,
 * the field named as the user wrote it: "error: --after: '2x' is not a duration: ..." rather than the JSON.
 */
final class Problems {
    /** A command whose request fields are not simply its options' or parameters' names: field to what the user typed. */
    interface FieldNames {
        Map<String, String> fieldNames();
    }

    private Problems() {
    }

    /** Exit code 2 for a malformed value (400, 422): the command line was wrong; 1 for any other refusal. */
    static int exitCode(StackClient.HttpProblem p) {
        return p.status == 400 || p.status == 422 ? ExitCode.USAGE : ExitCode.FAILED;
    }

    /** One line: what was at fault, why, and the status unless it was a plain 400. */
    static String oneLine(StackClient.HttpProblem p, CommandSpec command) {
        JsonNode problem;
        try {
            problem = Json.read(p.body, JsonNode.class);
        } catch (RuntimeException notJson) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            String body = p.body == null ? "" : flat(p.body);
            return "error: the service answered " + p.status + (body.isEmpty() ? "" : ": " + abbreviate(body));
        }
        String field = problem.path("field").isTextual() ? asTyped(problem.path("field").asText(), command) : null;
        String detail = flat(problem.path("detail").asText(problem.path("title").asText("no detail")));
        String status = p.status == 400 ? "" : " (" + p.status + " " + problem.path("title").asText("") + ")";
        return "error: " + (field == null ? "" : field + ": ") + detail + status.replace(" )", ")");
    }

    /** The option or parameter of {@code command} that carries {@code field}, as the user wrote it; else the field. */
    static String asTyped(String field, CommandSpec command) {
        if (command == null) {
            return field;
        }
        if (command.userObject() instanceof FieldNames names && names.fieldNames().containsKey(field)) {
            return names.fieldNames().get(field);
        }
        String wanted = normalized(field);
        for (ArgSpec arg : command.args()) {
            if (arg instanceof OptionSpec o) {
                for (String name : o.names()) {
                    if (normalized(name).equals(wanted)) {
                        return o.longestName();
                    }
                }
            } else if (arg instanceof PositionalParamSpec p && normalized(p.paramLabel()).equals(wanted)) {
                return p.paramLabel();
            }
        }
        return field;
    }

    private static String normalized(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static String flat(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}

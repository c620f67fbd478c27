package com.packetjourney.albcontroller.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.k8s.AlbConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The controller's custom rule annotations, as its guide documents them: {@code conditions.<service-name>} is a
 * JSON list of conditions ({@code field} plus {@code hostHeaderConfig}, {@code pathPatternConfig},
 * {@code httpHeaderConfig}, {@code httpRequestMethodConfig}, {@code queryStringConfig} or {@code sourceIpConfig}),
 * and {@code actions.<action-name>} a JSON action ({@code type} forward, fixed-response or redirect with its
 * {@code forwardConfig}, {@code fixedResponseConfig} or {@code redirectConfig}); an Ingress path whose backend
 * service name is an action name takes that action. Problems are added to {@code errors}.
 */
public final class RuleAnnotations {
    static final String CONDITIONS_PREFIX = "alb.ingress.kubernetes.io/conditions.";
    static final String ACTIONS_PREFIX = "alb.ingress.kubernetes.io/actions.";
    private static final Map<String, String> CONFIG_BY_FIELD = Map.of(
            "host-header", "hostHeaderConfig",
            "path-pattern", "pathPatternConfig",
            "http-header", "httpHeaderConfig",
            "http-request-method", "httpRequestMethodConfig",
            "query-string", "queryStringConfig",
            "source-ip", "sourceIpConfig");
    private static final Set<String> REDIRECT_STATUSES = Set.of("HTTP_301", "HTTP_302");

    /** An action for a backend; {@code service} and {@code servicePort} are the forward action's one backend. */
    public record Action(AlbConfig.Action action, String service, String servicePort) {
    }

    private RuleAnnotations() {
    }

    /** The conditions annotated for a backend name; empty when there is no annotation. */
    public static List<AlbConfig.Condition> conditions(Map<String, String> annotations, String backend,
                                                       List<String> errors) {
        String json = annotations.get(CONDITIONS_PREFIX + backend);
        if (json == null) {
            return List.of();
        }
        JsonNode list = parse(json, "conditions." + backend, errors);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add("conditions." + backend + " is not a JSON list of conditions");
            return List.of();
        }
        List<AlbConfig.Condition> conditions = new ArrayList<>();
        for (JsonNode c : list) {
            String field = c.path("field").asText();
            String configName = CONFIG_BY_FIELD.get(field);
            if (configName == null) {
                errors.add("conditions." + backend + " has unknown field " + (field.isEmpty() ? "(none)" : field));
                continue;
            }
            JsonNode config = get(c, configName);
            if (config == null) {
                errors.add("conditions." + backend + " condition " + field + " has no " + configName);
                continue;
            }
            JsonNode values = get(config, "values");
            if (values == null || !values.isArray() || values.isEmpty()) {
                errors.add("conditions." + backend + " condition " + field + " has no values");
                continue;
            }
            if (field.equals("query-string")) {
                List<AlbConfig.QueryString> pairs = new ArrayList<>();
                values.forEach(v -> pairs.add(new AlbConfig.QueryString(text(get(v, "key")), text(get(v, "value")))));
                conditions.add(new AlbConfig.Condition(field, null, null, pairs));
            } else {
                List<String> texts = new ArrayList<>();
                values.forEach(v -> texts.add(v.asText()));
                String header = field.equals("http-header") ? text(get(config, "httpHeaderName")) : null;
                if (field.equals("http-header") && header == null) {
                    errors.add("conditions." + backend + " condition http-header has no httpHeaderName");
                    continue;
                }
                conditions.add(new AlbConfig.Condition(field, header, texts, null));
            }
        }
        return conditions;
    }

    /** The action annotated under a backend name, or null when the name is a plain Service. */
    public static Action action(Map<String, String> annotations, String backend, List<String> errors) {
        String json = annotations.get(ACTIONS_PREFIX + backend);
        if (json == null) {
            return null;
        }
        String where = "actions." + backend;
        JsonNode action = parse(json, where, errors);
        if (action == null) {
            return null;
        }
        String type = action.path("type").asText();
        switch (type) {
            case "fixed-response" -> {
                JsonNode config = get(action, "fixedResponseConfig");
                String status = config == null ? null : text(get(config, "statusCode"));
                if (status == null || !status.matches("[2-5]\\d\\d")) {
                    errors.add(where + " fixed-response needs a statusCode 2XX, 4XX or 5XX");
                    return null;
                }
                return new Action(new AlbConfig.Action(type, null, new AlbConfig.FixedResponse(status,
                        text(get(config, "contentType")), text(get(config, "messageBody"))), null), null, null);
            }
            case "redirect" -> {
                JsonNode config = get(action, "redirectConfig");
                String status = config == null ? null : text(get(config, "statusCode"));
                if (status == null || !REDIRECT_STATUSES.contains(status)) {
                    errors.add(where + " redirect needs a statusCode HTTP_301 or HTTP_302");
                    return null;
                }
                return new Action(new AlbConfig.Action(type, null, null, new AlbConfig.Redirect(
                        text(get(config, "protocol")), text(get(config, "host")), text(get(config, "port")),
                        text(get(config, "path")), text(get(config, "query")), status)), null, null);
            }
            case "forward" -> {
                JsonNode groups = get(action, "forwardConfig") == null ? null
                        : get(get(action, "forwardConfig"), "targetGroups");
                // Weighted forwarding over several target groups is not modelled: one backend Service only.
                if (groups == null || !groups.isArray() || groups.size() != 1
                        || text(get(groups.get(0), "serviceName")) == null) {
                    errors.add(where + " forward needs forwardConfig.targetGroups with exactly one serviceName");
                    return null;
                }
                JsonNode group = groups.get(0);
                return new Action(new AlbConfig.Action(type, null, null, null), text(get(group, "serviceName")),
                        text(get(group, "servicePort")));
            }
            default -> {
                errors.add(where + " has unknown type " + (type.isEmpty() ? "(none)" : type)
                        + " (forward, fixed-response or redirect)");
                return null;
            }
        }
    }

    private static JsonNode parse(String json, String where, List<String> errors) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            errors.add(where + " is not valid JSON: " + json);
            return null;
        }
    }

    /** A property by name, ignoring case: the guide itself writes both "values" and "Values". */
    private static JsonNode get(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}

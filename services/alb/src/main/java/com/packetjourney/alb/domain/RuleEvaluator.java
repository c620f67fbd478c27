package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.AlbConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Listener rules as the ALB evaluates them: in ascending priority, the first rule whose conditions all match
 * wins. Values within one condition are ORed, conditions are ANDed. host-header is case-insensitive,
 * path-pattern case-sensitive and applied to the path without the query string; both accept '*' (any
 * characters) and '?' (exactly one). See "Condition types for listener rules" in the ALB user guide.
 */
public final class RuleEvaluator {
    private RuleEvaluator() {
    }

    public static Optional<AlbConfig.Rule> firstMatch(List<AlbConfig.Rule> rules, String host, String path) {
        return rules.stream().sorted(Comparator.comparingInt(AlbConfig.Rule::priority))
                .filter(r -> matches(r, host, path)).findFirst();
    }

    static boolean matches(AlbConfig.Rule rule, String host, String path) {
        String h = host == null ? "" : stripPort(host).toLowerCase(Locale.ROOT);
        String p = pathOnly(path);
        boolean hostOk = rule.hostHeaders() == null || rule.hostHeaders().isEmpty()
                || rule.hostHeaders().stream().anyMatch(v -> wildcardMatch(v.toLowerCase(Locale.ROOT), h));
        boolean pathOk = rule.pathPatterns() == null || rule.pathPatterns().isEmpty()
                || rule.pathPatterns().stream().anyMatch(v -> wildcardMatch(v, p));
        return hostOk && pathOk;
    }

    /** The rule's conditions as the console lists them, e.g. "host-header packet-journey.com AND path-pattern /*". */
    public static String describe(AlbConfig.Rule rule) {
        List<String> conditions = new ArrayList<>();
        if (rule.hostHeaders() != null && !rule.hostHeaders().isEmpty()) {
            conditions.add("host-header " + String.join(" OR ", rule.hostHeaders()));
        }
        if (rule.pathPatterns() != null && !rule.pathPatterns().isEmpty()) {
            conditions.add("path-pattern " + String.join(" OR ", rule.pathPatterns()));
        }
        return String.join(" AND ", conditions);
    }

    /** Glob matching of the whole value: '*' matches any run of characters, '?' exactly one. */
    static boolean wildcardMatch(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static String stripPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }

    private static String pathOnly(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        int query = path.indexOf('?');
        return query >= 0 ? path.substring(0, query) : path;
    }
}

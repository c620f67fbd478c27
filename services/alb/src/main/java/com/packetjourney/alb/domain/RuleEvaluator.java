package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.AlbConfig;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Listener rules as the ALB evaluates them: in ascending priority, the first rule whose conditions all match
 * wins. Values within one condition are ORed, conditions are ANDed. Per "Condition types for listener rules" in
 * the ALB user guide: host-header is case-insensitive and path-pattern case-sensitive (on the path without the
 * query string); http-header compares the name and the values case-insensitively; http-request-method is exact
 * and case-sensitive; query-string compares key/value pairs case-insensitively, the key optional; source-ip
 * matches the client's address against CIDR blocks. All but http-request-method and source-ip accept '*' (any
 * characters) and '?' (exactly one).
 */
public final class RuleEvaluator {
    public static final String HOST_HEADER = "host-header";
    public static final String PATH_PATTERN = "path-pattern";
    public static final String HTTP_HEADER = "http-header";
    public static final String HTTP_REQUEST_METHOD = "http-request-method";
    public static final String QUERY_STRING = "query-string";
    public static final String SOURCE_IP = "source-ip";

    private RuleEvaluator() {
    }

    public static Optional<AlbConfig.Rule> firstMatch(List<AlbConfig.Rule> rules, HttpRequest request) {
        return rules.stream().sorted(Comparator.comparingInt(AlbConfig.Rule::priority))
                .filter(r -> matches(r, request)).findFirst();
    }

    public static Optional<AlbConfig.Rule> firstMatch(List<AlbConfig.Rule> rules, String host, String path) {
        return firstMatch(rules, HttpRequest.of(host, path));
    }

    static boolean matches(AlbConfig.Rule rule, String host, String path) {
        return matches(rule, HttpRequest.of(host, path));
    }

    static boolean matches(AlbConfig.Rule rule, HttpRequest request) {
        boolean hostOk = isEmpty(rule.hostHeaders()) || hostMatches(rule.hostHeaders(), request);
        boolean pathOk = isEmpty(rule.pathPatterns()) || pathMatches(rule.pathPatterns(), request);
        return hostOk && pathOk && (rule.conditions() == null
                || rule.conditions().stream().allMatch(c -> matches(c, request)));
    }

    static boolean matches(AlbConfig.Condition condition, HttpRequest request) {
        List<String> values = condition.values() == null ? List.of() : condition.values();
        return switch (condition.field()) {
            case HOST_HEADER -> hostMatches(values, request);
            case PATH_PATTERN -> pathMatches(values, request);
            case HTTP_HEADER -> {
                String actual = condition.httpHeaderName() == null ? null : request.header(condition.httpHeaderName());
                yield actual != null && values.stream().anyMatch(v -> wildcardMatch(lower(v), lower(actual)));
            }
            case HTTP_REQUEST_METHOD -> values.contains(request.method());
            case QUERY_STRING -> condition.queryStrings() != null
                    && condition.queryStrings().stream().anyMatch(q -> queryMatches(q, request.query()));
            case SOURCE_IP -> request.sourceIp() != null
                    && values.stream().anyMatch(cidr -> inCidr(request.sourceIp(), cidr));
            // A condition type this model does not know can never be satisfied.
            default -> false;
        };
    }

    /** The rule's conditions as the console lists them, e.g. "host-header packet-journey.com AND path-pattern /*". */
    public static String describe(AlbConfig.Rule rule) {
        List<String> conditions = new ArrayList<>();
        if (!isEmpty(rule.hostHeaders())) {
            conditions.add(HOST_HEADER + " " + String.join(" OR ", rule.hostHeaders()));
        }
        if (!isEmpty(rule.pathPatterns())) {
            conditions.add(PATH_PATTERN + " " + String.join(" OR ", rule.pathPatterns()));
        }
        for (AlbConfig.Condition c : rule.conditions() == null ? List.<AlbConfig.Condition>of() : rule.conditions()) {
            conditions.add(describe(c));
        }
        return String.join(" AND ", conditions);
    }

    private static String describe(AlbConfig.Condition c) {
        List<String> values = c.values() == null ? List.of() : c.values();
        return switch (c.field()) {
            case HTTP_HEADER -> HTTP_HEADER + " " + c.httpHeaderName() + " " + String.join(" OR ", values);
            case QUERY_STRING -> QUERY_STRING + " " + String.join(" OR ", (c.queryStrings() == null
                    ? List.<AlbConfig.QueryString>of() : c.queryStrings()).stream()
                    .map(q -> q.key() == null ? q.value() : q.key() + "=" + q.value()).toList());
            default -> c.field() + " " + String.join(" OR ", values);
        };
    }

    private static boolean hostMatches(List<String> values, HttpRequest request) {
        String h = lower(stripPort(request.host()));
        return values.stream().anyMatch(v -> wildcardMatch(lower(v), h));
    }

    private static boolean pathMatches(List<String> values, HttpRequest request) {
        String p = request.path() == null || request.path().isEmpty() ? "/" : request.path();
        return values.stream().anyMatch(v -> wildcardMatch(v, p));
    }

    /** One key/value pair of the condition against the request's decoded pairs; a null key matches any key. */
    private static boolean queryMatches(AlbConfig.QueryString wanted, String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = lower(decode(eq >= 0 ? pair.substring(0, eq) : pair));
            String value = lower(decode(eq >= 0 ? pair.substring(eq + 1) : ""));
            boolean keyOk = wanted.key() == null || wildcardMatch(lower(wanted.key()), key);
            if (keyOk && wildcardMatch(lower(wanted.value()), value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an address lies in a CIDR block (IPv4 or IPv6): the first prefix-length bits are equal. */
    static boolean inCidr(String ip, String cidr) {
        int slash = cidr.indexOf('/');
        try {
            byte[] address = InetAddress.getByName(ip).getAddress();
            byte[] network = InetAddress.getByName(slash >= 0 ? cidr.substring(0, slash) : cidr).getAddress();
            int bits = slash >= 0 ? Integer.parseInt(cidr.substring(slash + 1)) : network.length * 8;
            if (address.length != network.length || bits < 0 || bits > network.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
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

    private static boolean isEmpty(List<String> values) {
        return values == null || values.isEmpty();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String stripPort(String host) {
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }
}

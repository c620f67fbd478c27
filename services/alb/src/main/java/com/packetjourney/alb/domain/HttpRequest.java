package com.packetjourney.alb.domain;

import com.packetjourney.contracts.JourneyContext;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP request as the ALB reads it once TLS is off: method, Host, path, query string, headers and the client's
 * source address (after NAT, the only one the ALB sees). Header names are kept lower-case: they are
 * case-insensitive (RFC 9110 §5.1).
 */
public record HttpRequest(String method, String host, String path, String query, Map<String, String> headers,
                          String sourceIp) {

    /** What Chrome sends on a top-level navigation (the laptop's browser); the model's fixed User-Agent. */
    static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "*/*;q=0.8";
    static final String ACCEPT_LANGUAGE = "en-GB,en;q=0.9";
    static final String ACCEPT_ENCODING = "gzip, deflate, br, zstd";

    /**
     * The browser's navigation request for the journey's URL: always a GET (the laptop only navigates), the Host
     * header from the URL's host, the query string from the URL.
     */
    public static HttpRequest fromBrowser(JourneyContext context) {
        String host = context.host() == null ? "" : context.host();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("user-agent", USER_AGENT);
        headers.put("accept", ACCEPT);
        headers.put("accept-language", ACCEPT_LANGUAGE);
        headers.put("accept-encoding", ACCEPT_ENCODING);
        String sourceIp = context.publicSourceIp() != null ? context.publicSourceIp() : context.clientIp();
        return new HttpRequest("GET", host, pathOf(context), queryOf(context.url()), headers, sourceIp);
    }

    /** A request with only a Host and a path (which may carry "?query"), for rules that look at nothing else. */
    public static HttpRequest of(String host, String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        int q = p.indexOf('?');
        return new HttpRequest("GET", host == null ? "" : host, q >= 0 ? p.substring(0, q) : p,
                q >= 0 ? p.substring(q + 1) : "", Map.of("host", host == null ? "" : host), null);
    }

    public HttpRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new HttpRequest(method, host, path, query, copy, sourceIp);
    }

    public HttpRequest withMethod(String m) {
        return new HttpRequest(m, host, path, query, headers, sourceIp);
    }

    public HttpRequest withSourceIp(String ip) {
        return new HttpRequest(method, host, path, query, headers, ip);
    }

    /** The header's value, the name compared case-insensitively; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    private static String pathOf(JourneyContext context) {
        String p = context.path() == null || context.path().isEmpty() ? "/" : context.path();
        int q = p.indexOf('?');
        return q >= 0 ? p.substring(0, q) : p;
    }

    private static String queryOf(String url) {
        if (url == null) {
            return "";
        }
        try {
            String raw = URI.create(url).getRawQuery();
            return raw == null ? "" : raw;
        } catch (IllegalArgumentException e) {
            int q = url.indexOf('?');
            return q >= 0 ? url.substring(q + 1) : "";
        }
    }
}

package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.AlbConfig;

import java.util.Locale;

/**
 * A redirect action's Location, per "Redirect actions" in the ALB user guide: each URI part defaults to the
 * request's own (#{protocol}, #{host}, #{port}, /#{path}, #{query}) and may hold those placeholders; #{path} is
 * the path without its leading '/'. A port equal to the protocol's default is left out of the Location, as a
 * browser would show it.
 */
public record RedirectAction(String location, int status) {

    public static RedirectAction of(AlbConfig.Redirect redirect, HttpRequest request, Listener listener) {
        String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
        String[] placeholders = {"#{protocol}", "#{host}", "#{port}", "#{path}", "#{query}"};
        String[] values = {listener.protocol(), request.host(), String.valueOf(listener.port()), path.substring(1),
                request.query() == null ? "" : request.query()};
        String protocol = fill(or(redirect.protocol(), "#{protocol}"), placeholders, values).toUpperCase(Locale.ROOT);
        String host = fill(or(redirect.host(), "#{host}"), placeholders, values);
        String port = fill(or(redirect.port(), "#{port}"), placeholders, values);
        String newPath = fill(or(redirect.path(), "/#{path}"), placeholders, values);
        String query = fill(or(redirect.query(), "#{query}"), placeholders, values);
        boolean defaultPort = ("HTTPS".equals(protocol) && "443".equals(port))
                || ("HTTP".equals(protocol) && "80".equals(port));
        String location = protocol.toLowerCase(Locale.ROOT) + "://" + host + (defaultPort ? "" : ":" + port)
                + newPath + (query.isEmpty() ? "" : "?" + query);
        return new RedirectAction(location, "HTTP_302".equals(redirect.statusCode()) ? 302 : 301);
    }

    /** "HTTP 301 Moved Permanently" or "HTTP 302 Found". */
    public String statusLine() {
        return "HTTP " + status + (status == 301 ? " Moved Permanently" : " Found");
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String fill(String template, String[] placeholders, String[] values) {
        String result = template;
        for (int i = 0; i < placeholders.length; i++) {
            result = result.replace(placeholders[i], values[i]);
        }
        return result;
    }
}

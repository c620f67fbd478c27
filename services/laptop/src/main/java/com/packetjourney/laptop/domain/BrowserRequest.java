package com.packetjourney.laptop.domain;

import com.packetjourney.contracts.Refused;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the user asks the browser for, checked and completed with defaults: the URL split into the parts the
 * network needs, the device that sends it, the simulated instant it starts at and the journey's id.
 */
public record BrowserRequest(String url, String scheme, String host, int port, String path, String client,
                             Instant at, String journeyId) {

    public static final String DEFAULT_CLIENT = "laptop";

    /** Journey ids travel as Kafka keys and in URL paths, so they stay short and URL-safe. */
    private static final Pattern JOURNEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Validates the raw fields (any may be null) and applies the defaults: client {@value DEFAULT_CLIENT}; start at
     * {@code at}, or {@code after} past the client's clock, or at the clock itself ({@code clockOf} gives a client's
     * clock, null when no simulation is loaded); a fresh id from {@code newJourneyId}.
     *
     * @throws Refused naming the first field that is wrong
     */
    public static BrowserRequest parse(String url, String client, String at, String after, String journeyId,
                                       Function<String, Instant> clockOf, Supplier<String> newJourneyId) {
        URI uri = parseUrl(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String device = parseClient(client);
        return new BrowserRequest(url.trim(), scheme, uri.getHost().toLowerCase(Locale.ROOT),
                uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort(),
                uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
                device, parseStart(at, after, clockOf.apply(device)), parseJourneyId(journeyId, newJourneyId));
    }

    private static URI parseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw Refused.invalid("url", "is required");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw Refused.invalid("url", "is not a valid URI: " + e.getReason() + " at index " + e.getIndex());
        }
        if (!uri.isAbsolute()) {
            throw Refused.invalid("url", "must be absolute (http:// or https://)");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw Refused.invalid("url", "scheme " + uri.getScheme() + " is not supported, only http and https");
        }
        if (uri.getHost() == null) {
            throw Refused.invalid("url", "has no host name");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw Refused.invalid("url", "port " + uri.getPort() + " is not in 1..65535");
        }
        return uri;
    }

    /** RFC 9110 §4.2.1 and §4.2.2: http defaults to port 80, https to 443. */
    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String parseClient(String client) {
        if (client == null) {
            return DEFAULT_CLIENT;
        }
        if (client.isBlank()) {
            throw Refused.invalid("client", "must not be blank");
        }
        return client.trim();
    }

    private static Instant parseStart(String at, String after, Instant clock) {
        if (at != null && after != null) {
            throw Refused.invalid("after", "give either at (an instant) or after (a delay), not both");
        }
        if (after != null) {
            if (clock == null) {
                throw Refused.invalid("after", "no simulation is loaded to count the delay from; give at");
            }
            return clock.plus(SimulatedDelay.parse(after));
        }
        if (at == null) {
            if (clock == null) {
                throw Refused.invalid("at", "no simulation is loaded to take the start time from; give it");
            }
            return clock;
        }
        try {
            return OffsetDateTime.parse(at.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw Refused.invalid("at", "is not an ISO-8601 date-time with offset, e.g. 2026-01-01T09:00:00Z");
        }
    }

    private static String parseJourneyId(String journeyId, Supplier<String> newJourneyId) {
        if (journeyId == null) {
            return newJourneyId.get();
        }
        if (!JOURNEY_ID.matcher(journeyId).matches()) {
            throw Refused.invalid("journeyId", "must match " + JOURNEY_ID.pattern());
        }
        return journeyId;
    }
}

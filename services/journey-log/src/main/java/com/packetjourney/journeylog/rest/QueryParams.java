package com.packetjourney.journeylog.rest;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.journeylog.domain.JourneyFilter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses the list, stats and stream endpoints' query parameters, all received as text so that a bad value is
 * explained with the field's name rather than turned into a bare 404 by JAX-RS.
 */
final class QueryParams {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;

    private QueryParams() {
    }

    static JourneyFilter filter(String status, String failingHop, String failureCode, String client, String domain,
                                String from, String to) {
        Instant simFrom = instant("from", from);
        Instant simTo = instant("to", to);
        if (simFrom != null && simTo != null && !simFrom.isBefore(simTo)) {
            throw Refused.invalid("to", "must be after from (" + simFrom + "), got " + simTo);
        }
        return new JourneyFilter(status(status), hop(failingHop), code(failureCode), text(client), text(domain),
                simFrom, simTo);
    }

    static int limit(String limit) {
        int max = number("limit", limit, DEFAULT_LIMIT, "a whole number from 1 to " + MAX_LIMIT);
        if (max < 1 || max > MAX_LIMIT) {
            throw Refused.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return max;
    }

    static int offset(String offset) {
        int from = number("offset", offset, 0, "a whole number from 0");
        if (from < 0) {
            throw Refused.invalid("offset", "must be a whole number from 0");
        }
        return from;
    }

    private static int number(String field, String value, int fallback, String expected) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Refused.invalid(field, "must be " + expected + ", got '" + value + "'");
        }
    }

    private static JourneyStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return JourneyStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("status", "must be one of " + Arrays.toString(JourneyStatus.values()));
        }
    }

    /** A hop by its wire name (dns.resolved) or its constant (DNS_RESOLVED). */
    private static HopType hop(String hop) {
        if (hop == null) {
            return null;
        }
        String h = hop.trim();
        for (HopType t : HopType.values()) {
            if (t.wireName().equalsIgnoreCase(h) || t.name().equalsIgnoreCase(h)) {
                return t;
            }
        }
        throw Refused.invalid("failingHop", "must be one of "
                + Arrays.stream(HopType.values()).map(HopType::wireName).toList());
    }

    private static FailureCode code(String code) {
        if (code == null) {
            return null;
        }
        try {
            return FailureCode.valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("failureCode", "must be one of " + Arrays.toString(FailureCode.values()));
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Refused.invalid(field, "must be an ISO-8601 instant such as 2026-01-01T09:00:00Z, got '"
                    + value + "'");
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

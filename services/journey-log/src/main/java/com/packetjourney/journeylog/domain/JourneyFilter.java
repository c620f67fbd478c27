package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * Which journeys a query is about; every criterion left null matches all. {@code simFrom} is inclusive and
 * {@code simTo} exclusive, both on the journey's simulated start. {@code domain} matches the URL's host and its
 * subdomains, as a DNS zone does.
 */
public record JourneyFilter(JourneyStatus status, HopType failingHop, FailureCode failureCode, String client,
                            String domain, Instant simFrom, Instant simTo) {
    public static final JourneyFilter ALL = new JourneyFilter(null, null, null, null, null, null, null);

    public JourneyFilter {
        if (simFrom != null && simTo != null && !simFrom.isBefore(simTo)) {
            throw new IllegalArgumentException("simFrom " + simFrom + " must be before simTo " + simTo);
        }
        domain = domain == null ? null : trimDots(domain.toLowerCase(Locale.ROOT));
    }

    public static JourneyFilter status(JourneyStatus status) {
        return new JourneyFilter(status, null, null, null, null, null, null);
    }

    public boolean matches(JourneyView j) {
        return matches(j.status(), j.failedHop(), j.failureCode(), j.client(), j.url(), j.simStartedAt());
    }

    public boolean matches(IndexedJourney j) {
        return matches(j.status(), j.failedHop(), j.failureCode(), j.client(), j.url(), j.simStartedAt());
    }

    /** The same test on a journey's summary fields ({@code failedHop} by wire name). */
    public boolean matches(JourneyStatus status, String failedHop, FailureCode code, String client, String url,
                           Instant simStartedAt) {
        return (this.status == null || status == this.status)
                && (failingHop == null || failingHop.wireName().equals(failedHop))
                && (failureCode == null || failureCode == code)
                && (this.client == null || this.client.equals(client))
                && (domain == null || inDomain(hostOf(url)))
                && (simFrom == null || (simStartedAt != null && !simStartedAt.isBefore(simFrom)))
                && (simTo == null || (simStartedAt != null && simStartedAt.isBefore(simTo)));
    }

    private boolean inDomain(String host) {
        return host != null && (host.equals(domain) || host.endsWith("." + domain));
    }

    private static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : trimDots(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "packet-journey.com." and "packet-journey.com" are the same name (the root label is implied). */
    private static String trimDots(String name) {
        String n = name.trim();
        while (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }
}

package com.packetjourney.alb.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedRequestTest {
    private static final Listener HTTPS = new Listener(443, "HTTPS", List.of(), List.of(), "fixed-response:404",
            null, null);
    private static final Instant AT = Instant.parse("2026-01-01T09:00:00Z");

    @Test
    void theAlbAddsTheClientsAddressProtocolAndPortAndATraceId() {
        HttpRequest request = HttpRequest.of("packet-journey.com", "/docs?lang=en").withSourceIp("198.51.100.23");
        ForwardedRequest f = ForwardedRequest.of(request, HTTPS, "10.0.0.10", "10.0.1.20", 80, AT,
                new SplittableRandom(7));
        assertThat(f.requestLine()).isEqualTo("GET /docs?lang=en HTTP/1.1");
        assertThat(f.headers()).contains("x-forwarded-for: 198.51.100.23", "x-forwarded-proto: https",
                "x-forwarded-port: 443");
        // ELB's format: Root=1-{epoch seconds, 8 hex}-{24 hex}; 2026-01-01T09:00:00Z is 0x69563790
        assertThat(f.headers()).filteredOn(h -> h.startsWith("x-amzn-trace-id")).singleElement().asString()
                .matches("x-amzn-trace-id: Root=1-69563790-[0-9a-f]{24}");
    }

    @Test
    void anXForwardedForAlreadyThereIsAppendedTo() {
        // "X-Forwarded-For: ip-address-1, ip-address-2, client-ip-address"
        HttpRequest proxied = HttpRequest.of("packet-journey.com", "/").withSourceIp("198.51.100.23")
                .withHeader("X-Forwarded-For", "203.0.113.7");
        ForwardedRequest f = ForwardedRequest.of(proxied, HTTPS, "10.0.0.10", "10.0.1.20", 80, AT,
                new SplittableRandom(7));
        assertThat(f.headers()).contains("x-forwarded-for: 203.0.113.7, 198.51.100.23")
                .doesNotContain("x-forwarded-for: 203.0.113.7");
    }

    @Test
    void theAlbOpensItsOwnConnectionFromItsPrivateAddressToTheTarget() {
        ForwardedRequest f = ForwardedRequest.of(HttpRequest.of("h", "/").withSourceIp("198.51.100.23"), HTTPS,
                "10.0.0.10", "10.0.1.20", 80, AT, new SplittableRandom(7));
        assertThat(f.connection()).hasSize(3);
        assertThat(f.connection().get(0)).startsWith("SYN 10.0.0.10:").contains("> 10.0.1.20:80 ");
        int port = Integer.parseInt(f.connection().get(0).replaceAll("SYN 10\\.0\\.0\\.10:(\\d+) .*", "$1"));
        assertThat(port).isBetween(32768, 60999);
        assertThat(ForwardedRequest.of(HttpRequest.of("h", "/").withSourceIp("198.51.100.23"), HTTPS, "10.0.0.10",
                "10.0.1.20", 80, AT, new SplittableRandom(7))).as("seeded").isEqualTo(f);
    }
}

package com.packetjourney.dns.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.metrics.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The resolver's own metrics (its hop's are {@link com.packetjourney.metrics.HopMetrics}): answers by the level that gave them
 * ({@code pj_dns_answers_total{answered_by}}, labelled with the event's {@code answeredBy} as it is), and the share
 * of answers a cache gave since start ({@code pj_dns_cache_hit_ratio}). A cache level names itself "...-cache".
 */
@ApplicationScoped
public class DnsMetrics {
    private static final String SERVICE = HopType.DNS_RESOLVED.service();

    private final MeterRegistry registry;
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();

    DnsMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("pj.dns.cache.hit.ratio", this, DnsMetrics::hitRatio)
                .description("Share of the DNS answers given since start that came from a cache (0 to 1)")
                .tag(Labels.SERVICE, SERVICE).register(registry);
    }

    void onResolved(HopEvent out) {
        if (!(out.payload() instanceof DnsResolved dns) || dns.answeredBy() == null) {
            return;
        }
        answers.incrementAndGet();
        if (dns.answeredBy().endsWith("-cache")) {
            cacheHits.incrementAndGet();
        }
        Counter.builder("pj.dns.answers").description("DNS answers (addresses or negative answers) by who gave them")
                .tags(Labels.SERVICE, SERVICE, "answered_by", dns.answeredBy())
                .register(registry).increment();
    }

    private double hitRatio() {
        long all = answers.get();
        return all == 0 ? 0 : (double) cacheHits.get() / all;
    }
}

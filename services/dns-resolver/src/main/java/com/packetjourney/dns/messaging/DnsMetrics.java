package com.packetjourney.dns.messaging;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.metrics.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The resolver's own metrics (its hop's are {@link com.packetjourney.metrics.HopMetrics}): answers by the level that
 * gave them ({@code pj_dns_answers_total{answered_by}}, labelled with the event's {@code answeredBy} as it is), and
 * the name lookups and those a cache answered ({@code pj_dns_lookups_total}, {@code pj_dns_cache_hits_total}):
 * counters, so that a dashboard computes the hit ratio over any window. A cache level names itself "...-cache".
 */
@ApplicationScoped
public class DnsMetrics {
    private static final String SERVICE = HopType.DNS_RESOLVED.service();

    private final MeterRegistry registry;
    private final Counter lookups;
    private final Counter cacheHits;

    DnsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lookups = Counter.builder("pj.dns.lookups").description("Names looked up (answered with addresses or a "
                + "negative answer)").tag(Labels.SERVICE, SERVICE).register(registry);
        this.cacheHits = Counter.builder("pj.dns.cache.hits").description("Lookups a cache answered (browser, OS, "
                + "router or resolver)").tag(Labels.SERVICE, SERVICE).register(registry);
    }

    void onResolved(HopEvent out) {
        if (!(out.payload() instanceof DnsResolved dns) || dns.answeredBy() == null) {
            return;
        }
        lookups.increment();
        if (dns.answeredBy().endsWith("-cache")) {
            cacheHits.increment();
        }
        Counter.builder("pj.dns.answers").description("DNS answers (addresses or negative answers) by who gave them")
                .tags(Labels.SERVICE, SERVICE, "answered_by", dns.answeredBy())
                .register(registry).increment();
    }
}

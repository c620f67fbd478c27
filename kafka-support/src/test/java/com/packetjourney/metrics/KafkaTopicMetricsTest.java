package com.packetjourney.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One lag series per partition: Kafka's deprecated underscore copy of a topic's metrics is dropped, nothing else. */
class KafkaTopicMetricsTest {
    @Test
    void theUnderscoreCopyOfATopicsMetricIsDroppedAndTheOriginalKept() {
        MeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new KafkaTopicMetrics().withoutDeprecatedTopicNames());

        registry.gauge("kafka.consumer.fetch.manager.records.lag", Tags.of(
                "topic", "pj.hop.alb", "partition", "0"), 3.0);
        registry.gauge("kafka.consumer.fetch.manager.records.lag", Tags.of(
                "topic", "pj_hop_alb", "partition", "0"), 3.0);
        registry.gauge("pj.something", Tags.of("topic", "pj_hop_alb"), 1.0);

        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag").gauges())
                .extracting(g -> g.getId().getTag("topic")).containsExactly("pj.hop.alb");
        assertThat(registry.find("pj.something").gauge()).isNotNull();
    }
}

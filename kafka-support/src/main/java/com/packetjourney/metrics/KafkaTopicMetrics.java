package com.packetjourney.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The Kafka consumer's per-topic metrics once, under the topic's own name. Kafka 4.1 clients report them twice:
 * with the topic as it is (pj.hop.alb) and, deprecated, with its dots replaced by underscores (pj_hop_alb), which
 * doubled every lag series on the dashboards (KIP-1109). Every topic of this project has dots in its name, so a
 * topic label with underscores and no dot is the deprecated copy. Applied to every service's registry.
 */
@Singleton
public class KafkaTopicMetrics {
    static final String TOPIC = "topic";

    @Produces
    @Singleton
    MeterFilter withoutDeprecatedTopicNames() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return isDeprecatedCopy(id) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }
        };
    }

    static boolean isDeprecatedCopy(Meter.Id id) {
        String topic = id.getTag(TOPIC);
        return id.getName().startsWith("kafka.") && topic != null && topic.indexOf('.') < 0 && topic.indexOf('_') >= 0;
    }
}

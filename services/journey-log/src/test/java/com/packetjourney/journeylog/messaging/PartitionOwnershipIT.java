package com.packetjourney.journeylog.messaging;

import com.packetjourney.contracts.Topics;
import com.packetjourney.testsupport.SharedKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two journey-log instances split the hop partition numbers through the consumer group; one leaving hands over. */
class PartitionOwnershipIT {

    @Test
    void twoInstancesSplitThePartitionsAndTheSurvivorTakesAll() {
        String group = "it-journey-log-" + UUID.randomUUID();
        Set<Integer> all = Set.of(0, 1, 2);
        try (PartitionOwnership a = new PartitionOwnership(SharedKafka.bootstrapServers(), group,
                Topics.JOURNEY_REQUESTED, "it-a").start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> a.owned().equals(all));
            try (PartitionOwnership b = new PartitionOwnership(SharedKafka.bootstrapServers(), group,
                    Topics.JOURNEY_REQUESTED, "it-b").start()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !a.owned().isEmpty() && !b.owned().isEmpty()
                        && a.owned().size() + b.owned().size() == all.size());
                Set<Integer> union = new HashSet<>(a.owned());
                union.addAll(b.owned());
                assertThat(union).isEqualTo(all);
                assertThat(a.owned()).doesNotContainAnyElementsOf(b.owned());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> a.owned().equals(all));
        }
    }
}

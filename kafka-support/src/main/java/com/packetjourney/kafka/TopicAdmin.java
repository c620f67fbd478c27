package com.packetjourney.kafka;

import com.packetjourney.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Creates every topic the journey needs before any service starts: hop topics, compacted world topics, DLQs. */
public final class TopicAdmin {
    private TopicAdmin() {
    }

    public static List<NewTopic> allTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String t : Topics.hopTopics()) {
            topics.add(new NewTopic(t, Topics.HOP_PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")));
        }
        for (String t : Topics.worldTopics()) {
            topics.add(new NewTopic(t, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
        }
        for (String s : Topics.SERVICES) {
            topics.add(new NewTopic(Topics.deadLetter(s), 1, (short) 1));
        }
        return topics;
    }

    /** Creates the missing topics and waits until all exist. */
    public static void createAll(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = allTopics().stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }
}

package com.packetjourney.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document names every topic, points at schemas that exist, and wires the services as they are. */
class AsyncApiTest {
    private static final Path DOCUMENT = Path.of("asyncapi.yaml");
    private static final String SCHEMAS = "./src/main/resources/schemas/";

    private static JsonNode asyncApi;
    /** Channel id by topic. */
    private static final Map<String, String> channels = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        asyncApi = new YAMLMapper().readTree(DOCUMENT.toFile());
        asyncApi.path("channels").properties().forEach(c -> channels.put(c.getValue().path("address").asText(),
                c.getKey()));
    }

    @Test
    void isAnAsyncApi3DocumentOfThisProject() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.at("/info/title").asText()).isEqualTo("packet-journey");
        assertThat(asyncApi.at("/info/version").asText()).isEqualTo("0.1.0");
        assertThat(asyncApi.at("/info/description").asText()).isNotBlank();
        assertThat(asyncApi.at("/servers/local/host").asText()).isEqualTo("localhost:19092");
        assertThat(asyncApi.at("/servers/local/protocol").asText()).isEqualTo("kafka");
    }

    @Test
    void everyTopicHasAChannel() {
        List<String> topics = new ArrayList<>(Topics.hopTopics());
        topics.addAll(Topics.worldTopics());
        Topics.SERVICES.forEach(s -> topics.add(Topics.deadLetter(s)));
        assertThat(channels.keySet()).containsExactlyInAnyOrderElementsOf(topics);
    }

    @Test
    void topicsCarryTheSchemasTheJavaIsTestedAgainst() {
        for (HopType type : HopType.values()) {
            assertThat(payloadRefsOf(type.topic())).as(type.topic()).containsExactly(SCHEMAS + Schemas.hopPath(type));
        }
        Schemas.WORLD_BY_TOPIC.forEach((topic, schema) ->
                assertThat(payloadRefsOf(topic)).as(topic).containsExactly(SCHEMAS + schema));
    }

    @Test
    void hopTopicsAreKeyedByJourneyAndWorldTopicsAreCompacted() {
        for (String topic : Topics.hopTopics()) {
            JsonNode channel = resolve(asyncApi.path("channels").path(channels.get(topic)));
            assertThat(resolve(channel.path("bindings")).at("/kafka/partitions").asInt()).isEqualTo(Topics.HOP_PARTITIONS);
            for (JsonNode message : resolve(channel.path("messages"))) {
                assertThat(resolve(resolve(message).path("bindings")).at("/kafka/key/description").asText())
                        .isEqualTo("journey id");
            }
        }
        for (String topic : Topics.worldTopics()) {
            JsonNode channel = asyncApi.path("channels").path(channels.get(topic));
            assertThat(channel.path("description").asText()).as(topic).startsWith("Compacted.");
            assertThat(resolve(channel.path("bindings")).at("/kafka/topicConfiguration/cleanup.policy/0").asText())
                    .as(topic).isEqualTo("compact");
            for (JsonNode message : channel.path("messages")) {
                assertThat(resolve(resolve(message).path("bindings")).at("/kafka/key").isObject()).as(topic).isTrue();
            }
        }
        JsonNode deadLetter = asyncApi.at("/components/messages/deadLetter/headers");
        assertThat(deadLetter.at("/properties/dead-letter-reason/type").asText()).isEqualTo("string");
        assertThat(Schemas.texts(deadLetter.path("required"))).containsExactly("dead-letter-reason");
    }

    @Test
    void eachHopTopicIsSentByItsServiceAndReceivedByTheNextAndTheJourneyLog() {
        List<HopType> hops = List.of(HopType.values());
        for (HopType type : hops) {
            assertThat(servicesThat("send", type.topic())).as("senders of " + type.topic())
                    .containsExactly(type.service());
            Set<String> receivers = servicesThat("receive", type.topic());
            assertThat(receivers).as("receivers of " + type.topic()).contains("journey-log");
            HopChain.STANDARD.next(type.number())
                    .ifPresent(next -> assertThat(receivers).contains(next.service()));
        }
        assertThat(servicesThat("receive", Topics.POD)).contains("alb");
    }

    @Test
    void everyWorldTopicHasWritersAndReadersAndDerivedStateHasOneWriter() {
        for (String topic : Topics.worldTopics()) {
            assertThat(servicesThat("send", topic)).as("writers of " + topic).isNotEmpty();
            assertThat(servicesThat("receive", topic)).as("readers of " + topic).isNotEmpty();
        }
        for (String scenarioTopic : List.of(Topics.WORLD_SIMULATION, Topics.WORLD_CLIENTS, Topics.WORLD_LANS,
                Topics.WORLD_DNS_ZONES, Topics.WORLD_AUTONOMOUS_SYSTEMS, Topics.WORLD_LOAD_BALANCERS,
                Topics.WORLD_K8S_MANIFESTS)) {
            assertThat(servicesThat("send", scenarioTopic)).as(scenarioTopic).contains("cli");
        }
        assertThat(servicesThat("send", Topics.DHCP_LEASES)).containsExactly("dhcp-server");
        for (String topic : List.of(Topics.K8S_NODES, Topics.K8S_PODS, Topics.K8S_SERVICES, Topics.K8S_INGRESSES)) {
            assertThat(servicesThat("send", topic)).as(topic).containsExactly("k8s-api");
        }
        assertThat(servicesThat("send", Topics.CNI_POD_NETWORKS)).containsExactly("node-cni");
        assertThat(servicesThat("send", Topics.ALB_CONFIG)).containsExactly("alb-controller");
        assertThat(servicesThat("send", Topics.ALB_TARGETS)).containsExactly("alb-controller");
    }

    @Test
    void everyServiceHasOperationsAndOperationsStayWithinTheirChannel() {
        Set<String> services = new HashSet<>();
        asyncApi.path("operations").properties().forEach(o -> {
            JsonNode operation = o.getValue();
            assertThat(operation.path("action").asText()).as(o.getKey()).isIn("send", "receive");
            String channelRef = operation.at("/channel/$ref").asText();
            assertThat(channelRef).as(o.getKey()).startsWith("#/channels/");
            assertThat(operation.path("messages")).as(o.getKey()).isNotEmpty();
            operation.path("messages").forEach(m ->
                    assertThat(m.path("$ref").asText()).as(o.getKey()).startsWith(channelRef + "/messages/"));
            assertThat(operation.path("tags")).as(o.getKey()).hasSize(1);
            services.add(operation.at("/tags/0/name").asText());
        });
        assertThat(services).containsAll(Topics.SERVICES).contains("cli");
    }

    @Test
    void everyReferenceResolves() throws IOException {
        List<String> problems = new ArrayList<>();
        checkRefs(asyncApi, DOCUMENT.toAbsolutePath(), asyncApi, problems, new HashSet<>());
        assertThat(problems).isEmpty();
    }

    /** Walks a document: local refs must point into it; file refs must name an existing file and a node in it. */
    private static void checkRefs(JsonNode node, Path file, JsonNode document, List<String> problems,
                                  Set<Path> visited) throws IOException {
        if (node.isObject() && node.path("$ref").isTextual()) {
            String ref = node.path("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            if (target.isEmpty()) {
                if (document.at(pointer).isMissingNode()) {
                    problems.add(file.getFileName() + ": " + ref);
                }
            } else {
                Path referencedFile = file.getParent().resolve(target).normalize();
                if (!Files.isRegularFile(referencedFile)) {
                    problems.add(file.getFileName() + ": " + ref + " (no such file)");
                } else {
                    JsonNode referenced = Json.mapper().readTree(referencedFile.toFile());
                    if (referenced.at(pointer).isMissingNode()) {
                        problems.add(file.getFileName() + ": " + ref + " (no such node)");
                    }
                    if (visited.add(referencedFile)) {
                        checkRefs(referenced, referencedFile, referenced, problems, visited);
                    }
                }
            }
        }
        for (JsonNode child : (Iterable<JsonNode>) node::elements) {
            checkRefs(child, file, document, problems, visited);
        }
    }

    private static List<String> payloadRefsOf(String topic) {
        List<String> refs = new ArrayList<>();
        asyncApi.path("channels").path(channels.get(topic)).path("messages")
                .forEach(m -> refs.add(resolve(m).at("/payload/$ref").asText()));
        return refs;
    }

    /** The services (operation tags) that perform {@code action} on {@code topic}. */
    private static Set<String> servicesThat(String action, String topic) {
        String channelRef = "#/channels/" + channels.get(topic);
        Set<String> services = new HashSet<>();
        asyncApi.path("operations").elements().forEachRemaining(o -> {
            if (o.path("action").asText().equals(action) && o.at("/channel/$ref").asText().equals(channelRef)) {
                services.add(o.at("/tags/0/name").asText());
            }
        });
        return services;
    }

    /** Follows a local $ref, if the node is one. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#") ? asyncApi.at(ref.substring(1)) : node;
    }
}

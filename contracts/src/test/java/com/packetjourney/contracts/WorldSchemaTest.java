package com.packetjourney.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.ValidationMessage;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Cluster;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.EniAttachment;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.PodSlowness;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.AutonomousSystem;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DhcpLease;
import com.packetjourney.contracts.world.DnsCacheFlush;
import com.packetjourney.contracts.world.DnsZone;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.contracts.world.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Every world record the Java writes is valid against the schema of its topic, and drift from the records is caught. */
class WorldSchemaTest {
    private static final Path SCENARIO = Path.of("../scenarios/eks-nginx.yaml");
    private static final Instant AT = Instant.parse("2026-01-01T09:00:00.0015Z");

    @Test
    void everyWorldTopicHasASchema() {
        assertThat(Schemas.WORLD_BY_TOPIC.keySet()).containsExactlyInAnyOrderElementsOf(Topics.worldTopics());
        Schemas.WORLD_BY_TOPIC.values().forEach(path ->
                assertThat(Schemas.exists(path.replaceAll("#.*", ""))).as(path).isTrue());
    }

    @Test
    void schemasDeclareExactlyTheRecordsComponents() {
        Map<String, Class<?>> roots = Map.of(
                "world/simulation.schema.json", Simulation.class,
                "world/client-device.schema.json", ClientDevice.class,
                "world/lan-segment.schema.json", LanSegment.class,
                "world/dns-zone.schema.json", DnsZone.class,
                "world/autonomous-system.schema.json", AutonomousSystem.class,
                "world/load-balancer.schema.json", LoadBalancer.class,
                "world/dhcp-lease.schema.json", DhcpLease.class,
                "world/pod-network.schema.json", PodNetwork.class,
                "world/alb-config.schema.json", AlbConfig.class,
                "world/target-registration.schema.json", TargetRegistration.class);
        roots.forEach((path, record) -> Schemas.assertRootDeclares(Schemas.document(path), record));
        Schemas.assertRootDeclares(Schemas.document("world/eni-attachment.schema.json"), EniAttachment.class);
        Schemas.assertRootDeclares(Schemas.document("world/pod-slowness.schema.json"), PodSlowness.class);
        Schemas.assertRootDeclares(Schemas.document("world/dns-cache-flush.schema.json"), DnsCacheFlush.class);

        JsonNode watch = Schemas.document("world/pod-watch-event.schema.json");
        Schemas.assertRootDeclares(watch, WatchEvent.class);
        Schemas.assertDefDeclares(watch, Pod.class, List.of());

        JsonNode k8s = Schemas.document("world/k8s-object.schema.json");
        Set<String> kinds = new HashSet<>();
        for (Class<?> kind : K8sObject.class.getPermittedSubclasses()) {
            Schemas.assertDefDeclares(k8s, kind, List.of("kind"));
            assertThat(k8s.at("/$defs/" + kind.getSimpleName() + "/properties/kind/const").asText())
                    .isEqualTo(kind.getSimpleName());
            kinds.add(kind.getSimpleName());
        }
        assertThat(Schemas.texts(k8s.at("/properties/kind/enum"))).containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(k8s.path("oneOf")).hasSameSizeAs(kinds);
    }

    @Test
    void enumsMatchTheJavaConstants() {
        assertThat(Schemas.texts(Schemas.document("world/autonomous-system.schema.json")
                .at("/$defs/Neighbor/properties/relationship/enum")))
                .containsExactlyElementsOf(withNull(Arrays.stream(AutonomousSystem.Relationship.values())
                        .map(Enum::name).toList()));
        assertThat(Schemas.texts(Schemas.document("world/pod-watch-event.schema.json").at("/properties/type/enum")))
                .containsExactly(WatchEvent.ADDED, WatchEvent.MODIFIED, WatchEvent.DELETED, null);
        assertThat(Schemas.texts(Schemas.document("world/target-registration.schema.json")
                .at("/properties/state/enum")))
                .containsExactly(TargetRegistration.HEALTHY, TargetRegistration.DRAINING, null);
    }

    @Test
    void everyRecordOfTheEksNginxScenarioIsValidOnItsTopic() {
        List<Scenario.WorldRecord> records = scenario().worldRecords();
        assertThat(records).extracting(Scenario.WorldRecord::topic).contains(Topics.WORLD_SIMULATION,
                Topics.WORLD_CLIENTS, Topics.WORLD_LANS, Topics.WORLD_DNS_ZONES, Topics.WORLD_AUTONOMOUS_SYSTEMS,
                Topics.WORLD_LOAD_BALANCERS, Topics.WORLD_K8S_MANIFESTS);
        records.forEach(r -> assertValid(r.topic(), r.value()));
    }

    @Test
    void theKubernetesObjectsK8sApiPublishesAreValidOnTheirTopics() {
        for (K8sObject o : scenario().kubernetes()) {
            if (o instanceof Node node) {
                assertValid(Topics.K8S_NODES, node);
            } else if (o instanceof Service service) {
                assertValid(Topics.K8S_SERVICES, service);
            } else if (o instanceof Ingress ingress) {
                assertValid(Topics.K8S_INGRESSES, ingress);
            }
        }
    }

    @Test
    void derivedWorldRecordsAreValid() {
        assertValid(Topics.DHCP_LEASES, new DhcpLease("home", "3c:22:fb:7a:10:01", "192.168.1.100", AT, 86_400));
        Pod pending = new Pod("default", "nginx-7c5ddbdf54-x2k9p", "Deployment/default/nginx", Map.of("app", "nginx"),
                "ip-10-0-1-17.eu-west-1.compute.internal", "Pending", null, false, 80, 1, null);
        Pod running = new Pod("default", "nginx-7c5ddbdf54-x2k9p", "Deployment/default/nginx", Map.of("app", "nginx"),
                "ip-10-0-1-17.eu-west-1.compute.internal", "Running", "10.0.1.23", true, 80, 2, null);
        assertValid(Topics.K8S_PODS, new WatchEvent<>(WatchEvent.ADDED, pending));
        assertValid(Topics.K8S_PODS, new WatchEvent<>(WatchEvent.MODIFIED, running));
        assertValid(Topics.K8S_PODS, new WatchEvent<>(WatchEvent.MODIFIED, new Pod("default", "nginx-7c5ddbdf54-q8w2c",
                "Deployment/default/nginx", Map.of("app", "nginx"), "ip-10-0-1-17.eu-west-1.compute.internal",
                "Pending", null, false, 80, 3, "failed to assign an IP address to container: no free address")));
        assertValid(Topics.CNI_POD_NETWORKS, new PodNetwork("default", "nginx-7c5ddbdf54-x2k9p",
                "ip-10-0-1-17.eu-west-1.compute.internal", "10.0.1.23", "eni-0b7d3c2a1f9e84d56", 1,
                "/var/run/netns/cni-5c1f0e2a", "eni4a1b2c3d5e6", "eth0", "10.0.1.23 dev eni4a1b2c3d5e6 scope link",
                "0a7e4c1b-2f3d-3e5a-8b9c-1d2e3f4a5b6c", "5d0c2b7e-91a4-3f6e-b2c8-7e1f0a9d3c45", null));
        assertValid(Topics.CNI_POD_NETWORKS, new PodNetwork("default", "nginx-7c5ddbdf54-q8w2c",
                "ip-10-0-1-17.eu-west-1.compute.internal", null, null, 0, null, null, null, null,
                "8e2d4f6a-1b3c-3d5e-9f70-a1b2c3d4e5f6", null, "failed to assign an IP address to container"));
        assertValid(Topics.CNI_ENIS, new EniAttachment("ip-10-0-1-17.eu-west-1.compute.internal",
                "eni-0b7d3c2a1f9e84d56", 1, "10.0.0.0/19", "10.0.1.27", List.of("10.0.1.28", "10.0.1.29"),
                "WARM_ENI_TARGET=1: 8 free addresses, fewer than one ENI's 9", "5d0c2b7e-91a4-3f6e-b2c8-7e1f0a9d3c45"));
        assertValid(Topics.WORLD_POD_SLOWNESS, new PodSlowness("default", "nginx-7c5ddbdf54-x2k9p", 2_000_000));
        assertValid(Topics.ALB_CONFIG, new AlbConfig(HopEventSamples.LB, "default/nginx", List.of(
                new AlbConfig.Listener(443, "HTTPS", List.of(HopEventSamples.CERT), List.of(
                        new AlbConfig.Rule(1, List.of("packet-journey.com"), List.of("/*"),
                                HopEventSamples.TARGET_GROUP)), "fixed-response 404")),
                List.of(new AlbConfig.TargetGroup(HopEventSamples.TARGET_GROUP, "HTTP", 80, "ip",
                        "least_outstanding_requests", "default/nginx", 300))));
        AlbConfig.Redirect toHttps = new AlbConfig.Redirect("HTTPS", "#{host}", "443", "/#{path}", "#{query}",
                "HTTP_301");
        assertValid(Topics.ALB_CONFIG, new AlbConfig(HopEventSamples.LB, "default/nginx", List.of(
                new AlbConfig.Listener(80, "HTTP", List.of(), List.of(), "redirect:HTTPS:443:HTTP_301",
                        new AlbConfig.Action("redirect", null, null, toHttps)),
                new AlbConfig.Listener(443, "HTTPS", List.of(HopEventSamples.CERT), List.of(
                        new AlbConfig.Rule(1, List.of(), List.of("/*"), null, List.of(
                                new AlbConfig.Condition("http-header", "User-Agent", List.of("*Chrome*"), null),
                                new AlbConfig.Condition("query-string", null, null,
                                        List.of(new AlbConfig.QueryString(null, "beta"))),
                                new AlbConfig.Condition("source-ip", null, List.of("198.51.100.0/24"), null)),
                                new AlbConfig.Action("fixed-response", null,
                                        new AlbConfig.FixedResponse("503", "text/plain", "maintenance"), null)),
                        new AlbConfig.Rule(2, List.of("packet-journey.com"), List.of("/*"),
                                HopEventSamples.TARGET_GROUP)), "fixed-response:404")),
                List.of(new AlbConfig.TargetGroup(HopEventSamples.TARGET_GROUP, "HTTP", 80, "ip",
                        "least_outstanding_requests", "default/nginx", 300))));
        assertValid(Topics.ALB_TARGETS, new TargetRegistration(HopEventSamples.TARGET_GROUP, "10.0.1.23", 80,
                "default/nginx-7c5ddbdf54-x2k9p", TargetRegistration.HEALTHY, "6f1c0d4e-7a52-3b1e-9c0f-2d8e4a6b9f10"));
        assertValid(Topics.ALB_TARGETS, new TargetRegistration(HopEventSamples.TARGET_GROUP, "10.0.33.7", 80,
                "default/nginx-7c5ddbdf54-m4n7t", TargetRegistration.DRAINING, "1b2c3d4e-5f60-3718-9a0b-c1d2e3f4a5b6"));
        assertValid(Topics.WORLD_DNS_CACHE_FLUSHES, new DnsCacheFlush(DnsCacheFlush.LEVEL_BROWSER, "laptop", null,
                null, AT));
        assertValid(Topics.WORLD_DNS_CACHE_FLUSHES, new DnsCacheFlush(DnsCacheFlush.LEVEL_ALL, null, "home",
                "198.51.100.53", AT));
    }

    @Test
    void recordsWithUnsetFieldsAreValid() {
        assertValid(Topics.WORLD_CLIENTS, new ClientDevice("laptop", null, null));
        assertValid(Topics.WORLD_K8S_MANIFESTS, new Deployment("default", "nginx", 0, null, null, 0));
        assertValid(Topics.K8S_PODS, new WatchEvent<>(WatchEvent.DELETED, null));
        assertValid(Topics.WORLD_SIMULATION, new Simulation(null, 0, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cluster", "Node", "Deployment", "Service", "Ingress"})
    void aManifestMustMatchTheShapeOfItsKind(String kind) {
        K8sObject sample = scenario().kubernetes().stream().filter(o -> o.getClass().getSimpleName().equals(kind))
                .findFirst().orElseThrow();
        assertInvalid(Topics.WORLD_K8S_MANIFESTS, sample, o -> o.put("replicaz", 3), "replicaz");
        assertInvalid(Topics.WORLD_K8S_MANIFESTS, sample, o -> o.remove("name"), "name");
    }

    @Test
    void mismatchesAreRejected() {
        Scenario scenario = scenario();
        assertInvalid(Topics.WORLD_K8S_MANIFESTS, new Cluster("c", "eu-west-1", "vpc-1", "10.0.0.0/16"),
                o -> o.put("kind", "Gateway"), "/kind");
        Node node = scenario.kubernetes().stream().filter(Node.class::isInstance).map(Node.class::cast).findFirst()
                .orElseThrow();
        assertInvalid(Topics.K8S_NODES, node, o -> o.put("internalIp", "10.0.1"), "/internalIp");
        assertInvalid(Topics.WORLD_LANS, scenario.lans().get(0), o -> o.put("cidr", "192.168.1.0"), "/cidr");
        assertInvalid(Topics.WORLD_LANS, scenario.lans().get(0), o -> o.put("vlan", 7), "vlan");
        assertInvalid(Topics.WORLD_AUTONOMOUS_SYSTEMS, scenario.autonomousSystems().get(0),
                o -> ((ObjectNode) o.at("/neighbors/0")).put("relationship", "FRIEND"), "/neighbors/0/relationship");
        assertInvalid(Topics.WORLD_DNS_ZONES, scenario.dnsZones().get(0),
                o -> ((ObjectNode) o.at("/servers/0")).remove("rttMicros"), "rttMicros");
        assertInvalid(Topics.WORLD_SIMULATION, scenario.simulation(), o -> o.put("epoch", "9am"), "/epoch");
        assertInvalid(Topics.K8S_PODS, new WatchEvent<>(WatchEvent.ADDED, null), o -> o.put("type", "BOOKMARK"),
                "/type");
        assertInvalid(Topics.ALB_TARGETS, new TargetRegistration("tg", "10.0.1.23", 80, "p", "healthy", "e"),
                o -> o.put("state", "unused"), "/state");
    }

    private static List<String> withNull(List<String> values) {
        List<String> all = new ArrayList<>(values);
        all.add(null);
        return all;
    }

    private static Scenario scenario() {
        // The scenario file maps 1:1 onto Scenario, as the CLI reads it.
        YAMLMapper yaml = YAMLMapper.builder().addModule(new JavaTimeModule()).build();
        try {
            return yaml.readValue(SCENARIO.toFile(), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertValid(String topic, Object value) {
        String json = Json.write(value);
        assertThat(Schemas.validate(Schemas.WORLD_BY_TOPIC.get(topic), json)).as("%s: %s", topic, json).isEmpty();
    }

    private static void assertInvalid(String topic, Object value, Consumer<ObjectNode> mutation, String where) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) Json.mapper().readTree(Json.write(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mutation.accept(tree);
        Set<ValidationMessage> messages = Schemas.validate(Schemas.WORLD_BY_TOPIC.get(topic), Json.write(tree));
        assertThat(messages).as("%s mutated at %s", topic, where).isNotEmpty()
                .anySatisfy(m -> assertThat(m.getInstanceLocation() + " " + m.getMessage()).contains(where));
    }
}

package com.packetjourney.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.cli.ScenarioLoader;
import com.packetjourney.cli.Stack;
import com.packetjourney.cli.StackClient;
import com.packetjourney.cli.StackState;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What if time passes, a prefix is withdrawn or hijacked, the DHCP pool shrinks? A story told in order on a stack of
 * its own (its own broker and state under target/, so its caches and world changes touch no other test), by client
 * devices of this test only: each step changes the world through the owning service's REST API, waits until that
 * service's view shows the change, and reads the next journey from journey-log. Every change is undone after its
 * step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WhatIfIT {
    private static final String URL = "https://packet-journey.com/";
    private static final String ISP = "64500";
    private static final String AMAZON = "16509";
    private static final String AMAZON_PREFIX = "54.216.0.0/15";
    private static final String NTT = "2914";
    private static final String HIJACKED_PREFIX = "54.217.40.0/24";
    private static final String HIJACKED_IP = "54.217.40.22";
    private static final Duration WORLD_CHANGE = Duration.ofSeconds(30);

    static Stack stack;
    static StackClient client;
    static Scenario scenario;
    static String laptop;
    static String newcomer;
    static String latecomer;
    static String latecomerMac;

    @BeforeAll
    static void startAStackOfItsOwn() {
        Path home = Path.of(System.getProperty("pj.home", "..")).toAbsolutePath().normalize();
        Scenario loaded = ScenarioLoader.read(home.resolve("scenarios/eks-nginx.yaml"));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        laptop = "whatif-" + suffix;
        newcomer = "whatif-" + suffix + "-b";
        latecomer = "whatif-" + suffix + "-c";
        // The devices are world records like the scenario's own, published (with KeyedWriter) before any service
        // starts, so every service knows them before the first journey.
        List<ClientDevice> clients = new ArrayList<>(loaded.clients());
        clients.add(new ClientDevice(laptop, mac(suffix, 1), "home"));
        clients.add(new ClientDevice(newcomer, mac(suffix, 2), "home"));
        // the latecomer joins later, through `world clients add`, as the README's story has it
        latecomerMac = mac(suffix, 3);
        scenario = new Scenario(loaded.simulation(), clients, loaded.lans(), loaded.dnsZones(),
                loaded.autonomousSystems(), loaded.loadBalancers(), loaded.kubernetes());

        stack = new Stack(home, Path.of("target/whatif-stack").toAbsolutePath(), System.out::println);
        StackState state = stack.up(scenario, "scenarios/eks-nginx.yaml + what-if devices", E2e.freePortBase(),
                E2e.freePort(), null, Duration.ofSeconds(240));
        client = new StackClient(state);
        LoadBalancer alb = scenario.loadBalancers().get(0);
        awaitTrue("ALB targets registered", Duration.ofSeconds(90),
                () -> client.healthyTargets(alb.name()) >= ScenarioLoader.expectedReplicas(scenario));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void aFreshLaptopsFirstJourneyLeasesAnAddressAndResolvesFromTheRoot() {
        JourneyView j = journey(laptop, null);
        assertThat(j.status()).as(String.valueOf(j.failureMessage())).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(j.simStartedAt()).isEqualTo(epoch());

        DhcpConfigured dhcp = payload(j, HopType.DHCP_CONFIGURED, DhcpConfigured.class);
        assertThat(dhcp.mode()).isEqualTo(DhcpConfigured.MODE_FULL_EXCHANGE);
        assertThat(dhcp.exchange()).extracting(DhcpConfigured.DhcpMessage::type)
                .containsExactly("DHCPDISCOVER", "DHCPOFFER", "DHCPREQUEST", "DHCPACK");

        DnsResolved dns = payload(j, HopType.DNS_RESOLVED, DnsResolved.class);
        assertThat(dns.answeredBy()).isEqualTo(DnsResolved.BY_ITERATIVE);
        String rootServer = scenario.dnsZones().get(0).servers().get(0).ip();
        assertThat(dns.steps()).first().satisfies(step -> {
            assertThat(step.serverIp()).isEqualTo(rootServer);
            assertThat(step.kind()).isEqualTo("REFERRAL");
        });
        assertThat(dns.steps()).extracting(DnsResolved.DnsStep::kind).last().isEqualTo("ANSWER");
    }

    @Test
    @Order(2)
    void aSecondJourneyASecondLaterNeedsNoDhcpAndTheBrowserRemembersTheName() {
        JourneyView j = journey(laptop, null);
        assertThat(j.status()).as(String.valueOf(j.failureMessage())).isEqualTo(JourneyStatus.COMPLETED);
        // sent again without a time: one simulated second of think time after the first
        assertThat(j.simStartedAt()).isEqualTo(epoch().plusSeconds(1));

        DhcpConfigured dhcp = payload(j, HopType.DHCP_CONFIGURED, DhcpConfigured.class);
        assertThat(dhcp.mode()).isEqualTo(DhcpConfigured.MODE_LEASE_VALID);
        assertThat(dhcp.exchange()).isEmpty();
        assertThat(payload(j, HopType.DNS_RESOLVED, DnsResolved.class).answeredBy())
                .isEqualTo(DnsResolved.BY_BROWSER_CACHE);
    }

    @Test
    @Order(3)
    void twoMinutesLaterTheNameIsResolvedAgain() {
        JourneyView j = journey(laptop, "2m");
        assertThat(j.status()).as(String.valueOf(j.failureMessage())).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(j.simStartedAt()).isEqualTo(epoch().plusSeconds(1).plus(Duration.ofMinutes(2)));
        // the browser keeps a name 60 s at most and the ALB's A records have a TTL of 60 s: some server is asked
        DnsResolved dns = payload(j, HopType.DNS_RESOLVED, DnsResolved.class);
        assertThat(dns.answeredBy()).isNotNull().isNotEqualTo(DnsResolved.BY_BROWSER_CACHE);
        assertThat(dns.steps()).isNotEmpty();
        assertThat(payload(j, HopType.DHCP_CONFIGURED, DhcpConfigured.class).mode())
                .isEqualTo(DhcpConfigured.MODE_LEASE_VALID);
    }

    @Test
    @Order(4)
    void withoutAmazonsPrefixTheIspHasNoRouteUntilItIsAnnouncedAgain() {
        JsonNode withdrawn = client.withdraw(AMAZON, AMAZON_PREFIX);
        try {
            assertThat(withdrawn.path("originates").toString()).doesNotContain(AMAZON_PREFIX);
            awaitTrue("the ISP's route to the ALB withdrawn", WORLD_CHANGE,
                    () -> !client.lookup(ISP, "54.217.10.21").path("found").asBoolean());

            JourneyView j = journey(laptop, null);
            assertThat(j.status()).isEqualTo(JourneyStatus.FAILED);
            assertThat(j.failureCode()).isEqualTo(FailureCode.NO_ROUTE);
            assertThat(j.failureMessage()).startsWith("isp-edge-1 (AS64500) has no route to 54.217.");
            assertThat(j.hops()).extracting(HopEvent::hopType).last().isEqualTo(HopType.PACKET_ROUTED);
        } finally {
            client.announce(AMAZON, AMAZON_PREFIX);
        }
        awaitTrue("the ISP's route to the ALB back", WORLD_CHANGE,
                () -> client.lookup(ISP, "54.217.10.21").path("found").asBoolean());

        JourneyView again = journey(laptop, null);
        assertThat(again.status()).as(String.valueOf(again.failureMessage())).isEqualTo(JourneyStatus.COMPLETED);
        assertThat(payload(again, HopType.PACKET_ROUTED, PacketRouted.class).destinationPrefix())
                .isEqualTo(AMAZON_PREFIX);
    }

    @Test
    @Order(5)
    void aMoreSpecificPrefixFromAnotherAsTakesTheTrafficAndIsShownAsAHijack() {
        client.announce(NTT, HIJACKED_PREFIX);
        try {
            awaitTrue("the ISP's route to " + HIJACKED_IP + " via AS" + NTT, WORLD_CHANGE, () -> {
                JsonNode lookup = client.lookup(ISP, HIJACKED_IP);
                return lookup.path("route").path("prefix").asText().equals(HIJACKED_PREFIX)
                        && lookup.path("route").path("originAs").asText().equals(NTT);
            });
            JsonNode lookup = client.lookup(ISP, HIJACKED_IP);
            assertThat(lookup.path("hijackWarning").asText()).contains(HIJACKED_PREFIX, "AS" + NTT, AMAZON_PREFIX);

            // the URL names the address itself, so the journey goes there whatever DNS would have answered
            JourneyView j = journey(laptop, null, "https://" + HIJACKED_IP + "/");
            PacketRouted route = payload(j, HopType.PACKET_ROUTED, PacketRouted.class);
            assertThat(route.destination()).isEqualTo(HIJACKED_IP);
            assertThat(route.destinationPrefix()).isEqualTo(HIJACKED_PREFIX);
            assertThat(route.originAs()).isEqualTo(Long.parseLong(NTT));
            assertThat(route.asPath()).last().isEqualTo(Long.parseLong(NTT));
            assertThat(route.hijackWarning()).isEqualTo(lookup.path("hijackWarning").asText());

            // the ALB's other address is outside the more specific: its traffic still goes to Amazon
            JourneyView other = journey(laptop, null, "https://54.217.10.21/");
            PacketRouted untouched = payload(other, HopType.PACKET_ROUTED, PacketRouted.class);
            assertThat(untouched.originAs()).isEqualTo(Long.parseLong(AMAZON));
            assertThat(untouched.hijackWarning()).isNull();
        } finally {
            client.withdraw(NTT, HIJACKED_PREFIX);
        }
    }

    @Test
    @Order(6)
    void aPoolShrunkToOneAddressLeavesTheSecondNewDeviceWithoutALease() throws InterruptedException {
        JsonNode before = client.pool("home");
        client.setPool("home", "192.168.1.199", "192.168.1.199", null);
        try {
            awaitTrue("the pool shrunk to one address", WORLD_CHANGE,
                    () -> client.pool("home").path("size").asInt() == 1);

            JourneyView first = journey(newcomer, null);
            DhcpConfigured leased = payload(first, HopType.DHCP_CONFIGURED, DhcpConfigured.class);
            assertThat(first.hops().get(1).outcome().isOk()).isTrue();
            assertThat(leased.mode()).isEqualTo(DhcpConfigured.MODE_FULL_EXCHANGE);
            assertThat(leased.lease().address()).isEqualTo("192.168.1.199");

            JsonNode joined = client.addClient(latecomer, latecomerMac, "home");
            assertThat(joined.path("applied").asBoolean()).isTrue();
            // dhcp-server has read the device back; the laptop service may take a moment more
            String id = null;
            for (int tries = 0; id == null; tries++) {
                try {
                    id = client.send(URL, latecomer, null, null, "whatif-" + UUID.randomUUID());
                } catch (StackClient.HttpProblem notYet) {
                    assertThat(notYet.status).isEqualTo(400);
                    assertThat(tries).as("the laptop service learns the new device").isLessThan(100);
                    Thread.sleep(100);
                }
            }
            String sent = id;
            JourneyView second = client.awaitEnd(sent, Duration.ofSeconds(120))
                    .filter(j -> j.status() != JourneyStatus.IN_PROGRESS)
                    .orElseThrow(() -> new AssertionError("journey " + sent + " did not end"));
            assertThat(second.status()).isEqualTo(JourneyStatus.FAILED);
            assertThat(second.failureCode()).isEqualTo(FailureCode.DHCP_POOL_EXHAUSTED);
            assertThat(second.hops()).extracting(HopEvent::hopType)
                    .containsExactly(HopType.JOURNEY_REQUESTED, HopType.DHCP_CONFIGURED);
            DhcpConfigured refused = payload(second, HopType.DHCP_CONFIGURED, DhcpConfigured.class);
            assertThat(refused.mode()).isEqualTo(DhcpConfigured.MODE_NO_OFFER);
            // RFC 2131 §4.1: the DISCOVER goes out three times before the device gives up and takes a link-local address
            assertThat(refused.exchange()).extracting(DhcpConfigured.DhcpMessage::type)
                    .containsExactly("DHCPDISCOVER", "DHCPDISCOVER", "DHCPDISCOVER");
            assertThat(second.hops().get(1).simLatencyMicros()).isGreaterThan(28_000_000L);
        } finally {
            client.setPool("home", before.path("poolStart").asText(), before.path("poolEnd").asText(),
                    before.path("leaseSeconds").asText());
        }
    }

    private static JourneyView journey(String device, String after) {
        return journey(device, after, URL);
    }

    private static JourneyView journey(String device, String after, String url) {
        String id = client.send(url, device, null, after, "whatif-" + UUID.randomUUID());
        return client.awaitEnd(id, Duration.ofSeconds(60))
                .filter(j -> j.status() != JourneyStatus.IN_PROGRESS)
                .orElseThrow(() -> new AssertionError("journey " + id + " did not end"));
    }

    private static <T> T payload(JourneyView j, HopType type, Class<T> payloadType) {
        return j.hops().stream().filter(h -> h.hopType() == type).findFirst()
                .map(h -> payloadType.cast(h.payload()))
                .orElseThrow(() -> new AssertionError("journey " + j.journeyId() + " has no " + type + " hop: "
                        + j.failureMessage()));
    }

    private static Instant epoch() {
        return scenario.simulation().epoch();
    }

    private static String mac(String suffix, int device) {
        return "02:77:" + suffix.substring(0, 2) + ":" + suffix.substring(2, 4) + ":" + suffix.substring(4, 6) + ":0"
                + device;
    }

    /** World changes reach services through their topics: wait until the owning service's view shows one. */
    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            E2e.sleep(200);
        }
    }
}

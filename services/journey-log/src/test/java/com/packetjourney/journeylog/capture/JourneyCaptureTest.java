package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.testsupport.Tshark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Journeys recorded from the real services, exported as pcapng and read back by Wireshark's tshark: every protocol
 * dissected with no malformed packet and no bad checksum, and each field carrying what the journey recorded.
 */
class JourneyCaptureTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void tsharkIsThere() {
        assumeTrue(Tshark.installed(), "tshark is not installed (apt-get install tshark)");
    }

    /** The fields the tests read, in one pass of tshark over a capture. */
    static final String[] FIELDS = {"frame.interface_name", "frame.time_epoch", "ip.src", "ip.dst", "tcp.srcport",
            "tcp.seq_raw", "tcp.flags.syn", "tcp.flags.ack", "dhcp.option.dhcp", "dhcp.id", "dhcp.ip.your",
            "dhcp.option.ip_address_lease_time", "dns.id", "dns.flags.response", "dns.flags.rcode", "dns.qry.name",
            "dns.a", "dns.soa.mname", "tls.handshake.type", "tls.handshake.extensions_server_name",
            "tls.handshake.extensions_alpn_str", "tls.handshake.ciphersuite",
            "tls.handshake.extensions.supported_version", "http.request", "http.response.code",
            "http.x_forwarded_for", "http.server"};

    @Test
    void aCompletedJourneyIsReadByTsharkProtocolByProtocol() throws IOException {
        JourneyView journey = RecordedJourneys.read(RecordedJourneys.COMPLETED);
        List<Tshark.Packet> packets = readBack(journey, "completed.pcapng");

        List<Tshark.Packet> dhcpPackets = where(packets, p -> p.has("dhcp.option.dhcp"));
        assertThat(values(dhcpPackets, "dhcp.option.dhcp")).containsExactly("1", "2", "3", "5");
        DhcpConfigured dhcp = payload(journey, HopType.DHCP_CONFIGURED, DhcpConfigured.class);
        assertThat(values(dhcpPackets, "dhcp.id")).containsOnly(dhcp.exchange().get(0).xid());
        Tshark.Packet ack = dhcpPackets.get(3);
        assertThat(ack.value("dhcp.ip.your")).isEqualTo(dhcp.lease().address());
        assertThat(ack.value("dhcp.option.ip_address_lease_time")).isEqualTo(String.valueOf(dhcp.lease().leaseSeconds()));

        DnsResolved dns = payload(journey, HopType.DNS_RESOLVED, DnsResolved.class);
        String laptop = journey.hops().get(2).context().clientIp();
        List<Tshark.Packet> dnsPackets = where(packets, p -> p.has("dns.id"));
        assertThat(values(dnsPackets, "dns.qry.name")).contains(withoutRoot(dns.question().split(" ")[0]))
                .contains(withoutRoot(dns.cnameChain().get(dns.cnameChain().size() - 1)));
        assertThat(values(dnsPackets, "dns.flags.rcode")).containsOnly("0");
        // each of the resolver's queries is there with the id it was encoded with, to the server it asked
        for (DnsResolved.DnsStep step : dns.steps()) {
            String id = String.valueOf(DnsWire.id(Base64.getDecoder().decode(step.queryWire())));
            assertThat(where(dnsPackets, p -> !p.is("dns.flags.response") && id.equals(decimal(p.value("dns.id")))))
                    .extracting(p -> p.value("ip.dst")).containsExactly(step.serverIp());
        }
        assertThat(values(where(dnsPackets, p -> laptop.equals(p.value("ip.dst"))), "dns.a"))
                .containsExactlyInAnyOrderElementsOf(dns.addresses());

        PacketRouted route = payload(journey, HopType.PACKET_ROUTED, PacketRouted.class);
        AlbForwarded alb = payload(journey, HopType.ALB_FORWARDED, AlbForwarded.class);
        Matcher nat = Pattern.compile("NAT (\\S+):(\\d+) -> (\\S+):(\\d+)").matcher(route.path().stream()
                .map(PacketRouted.RouterHop::note).filter(n -> n != null && n.startsWith("NAT")).findFirst()
                .orElseThrow());
        assertThat(nat.find()).isTrue();
        String clientIsn = alb.tcpHandshake().get(0).replaceFirst(".* seq=(\\d+).*", "$1");
        // the SYN on the LAN, then the same segment after the NAT rewrote its source
        List<Tshark.Packet> syns = where(packets, p -> p.is("tcp.flags.syn") && !p.is("tcp.flags.ack"));
        assertThat(values(syns, "ip.src")).containsExactly(nat.group(1), nat.group(3));
        assertThat(values(syns, "tcp.srcport")).containsExactly(nat.group(2), nat.group(4));
        assertThat(values(syns, "tcp.seq_raw")).containsExactly(clientIsn, clientIsn);
        assertThat(values(syns, "ip.dst")).containsOnly(alb.albNodeIp());
        assertThat(values(syns, "frame.interface_name")).containsExactly("laptop en0", "home-router wan0");
        assertThat(where(packets, p -> p.is("tcp.flags.syn") && p.is("tcp.flags.ack"))).hasSize(2);

        assertThat(values(packets, "tls.handshake.extensions_server_name"))
                .containsExactly(alb.tls().sni(), alb.tls().sni());
        List<Tshark.Packet> serverHellos = where(packets, p -> "2".equals(p.value("tls.handshake.type")));
        assertThat(values(where(packets, p -> "1".equals(p.value("tls.handshake.type"))),
                "tls.handshake.extensions_alpn_str")).contains(alb.tls().alpn());
        assertThat(values(serverHellos, "tls.handshake.ciphersuite"))
                .containsOnly("0x1301"); // TLS_AES_128_GCM_SHA256, the suite the ALB chose
        assertThat(values(serverHellos, "tls.handshake.extensions.supported_version")).containsOnly("0x0304");

        PodResponded pod = payload(journey, HopType.POD_RESPONDED, PodResponded.class);
        assertThat(values(packets, "http.response.code")).containsExactly(String.valueOf(pod.status()));
        assertThat(values(where(packets, p -> p.has("http.request")), "ip.dst")).containsExactly(alb.target().ip());
        assertThat(values(packets, "http.x_forwarded_for")).containsExactly(route.translatedSource());
        assertThat(values(packets, "http.server")).containsExactly(pod.server());

        // on the simulated timeline: the DISCOVER as the journey starts, nginx's answer as it ends
        assertThat(new BigDecimal(packets.get(0).value("frame.time_epoch")))
                .isEqualByComparingTo(epoch(journey.simStartedAt()));
        assertThat(new BigDecimal(packets.get(packets.size() - 1).value("frame.time_epoch")))
                .isEqualByComparingTo(epoch(journey.hops().get(journey.hops().size() - 1).simEndedAt()));
    }

    @Test
    void anNxdomainJourneyEndsWithTheNegativeAnswers() throws IOException {
        JourneyView journey = RecordedJourneys.read(RecordedJourneys.NXDOMAIN);
        List<Tshark.Packet> packets = readBack(journey, "nxdomain.pcapng");

        DnsResolved dns = payload(journey, HopType.DNS_RESOLVED, DnsResolved.class);
        String laptop = journey.hops().get(2).context().clientIp();
        assertThat(values(packets, "dns.qry.name")).containsOnly(withoutRoot(dns.question().split(" ")[0]));
        // NXDOMAIN (3) from the authoritative server, passed on to the laptop with the zone's SOA (RFC 2308)
        List<Tshark.Packet> responses = where(packets, p -> p.is("dns.flags.response"));
        assertThat(values(responses, "dns.flags.rcode")).containsOnly("3");
        assertThat(values(responses, "ip.dst")).contains(laptop);
        assertThat(values(where(responses, p -> laptop.equals(p.value("ip.dst"))), "dns.soa.mname"))
                .containsExactly(withoutRoot(dns.steps().get(0).server()));
        // the lease was still valid, and there is nothing to connect to
        assertThat(where(packets, p -> p.has("tcp.srcport") || p.has("dhcp.option.dhcp"))).isEmpty();
    }

    @Test
    void aJourneyTheCachesAnsweredHasNoDhcpAndAsManyDnsPacketsAsQueries() throws IOException {
        List<Tshark.Packet> packets = readBack(RecordedJourneys.read(RecordedJourneys.BROWSER_CACHE),
                "browser-cache.pcapng");
        assertThat(where(packets, p -> p.has("dns.id") || p.has("dhcp.option.dhcp"))).isEmpty();
        assertThat(where(packets, p -> p.is("tcp.flags.syn"))).hasSize(4);

        JourneyView cached = RecordedJourneys.read(RecordedJourneys.CACHED);
        DnsResolved dns = payload(cached, HopType.DNS_RESOLVED, DnsResolved.class);
        // laptop to router and back, router to resolver and back, then two packets per query the resolver sent
        assertThat(where(readBack(cached, "cached.pcapng"), p -> p.has("dns.id"))).hasSize(4 + 2 * dns.steps().size());
    }

    @Test
    void aTls12ListenerAnswersWithItsOwnServerHelloAfterTwoRoundTrips() throws IOException {
        // the recorded journey, its load balancer on a TLS 1.2 policy (ELBSecurityPolicy-2016-08's first suite)
        JourneyView recorded = RecordedJourneys.read(RecordedJourneys.COMPLETED);
        AlbForwarded alb = payload(recorded, HopType.ALB_FORWARDED, AlbForwarded.class);
        AlbForwarded.Tls tls12 = new AlbForwarded.Tls(alb.tls().sni(), alb.tls().certificateArn(),
                alb.tls().certificateMatch(), "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", "h2");
        long oneWay = recorded.hops().get(3).simLatencyMicros();
        // one round trip more than TLS 1.3's (RFC 5246 §7.3)
        long latency = recorded.hops().get(4).simLatencyMicros() + 2 * oneWay;
        JourneyView journey = withAlb(recorded, Outcome.ok(), latency, new AlbForwarded(alb.loadBalancer(),
                alb.albNodeIp(), alb.availabilityZone(), alb.tcpHandshake(), alb.listener(), tls12, alb.rule(),
                alb.targetGroup(), alb.algorithm(), alb.target(), alb.candidates()));
        List<Tshark.Packet> packets = readBack(journey, "tls12.pcapng");

        List<Tshark.Packet> serverHellos = where(packets, p -> "2".equals(p.value("tls.handshake.type")));
        assertThat(values(serverHellos, "tls.handshake.ciphersuite")).containsOnly("0xc02f");
        assertThat(values(serverHellos, "tls.handshake.extensions.supported_version")).isEmpty();
        // in TLS 1.2 the server answers ALPN in the ServerHello (RFC 7301 §3.1)
        assertThat(values(serverHellos, "tls.handshake.extensions_alpn_str")).containsOnly("h2");
        Step handshake = JourneyCapture.of(journey, RecordedJourneys.SCENARIO_ALB_NODES).hops().get(4).steps().get(1);
        assertThat(handshake.durationMicros()).isEqualTo(2 * 2 * oneWay);
    }

    @Test
    void aPortWithoutListenerAnswersTheSynWithAReset() throws IOException {
        JourneyView recorded = RecordedJourneys.read(RecordedJourneys.COMPLETED);
        AlbForwarded alb = payload(recorded, HopType.ALB_FORWARDED, AlbForwarded.class);
        // the node's RST travels back: the hop takes the way back (AlbService)
        JourneyView journey = withAlb(recorded, Outcome.failed(FailureCode.ALB_NO_LISTENER, "connection refused"),
                recorded.hops().get(3).simLatencyMicros(), new AlbForwarded(alb.loadBalancer(), alb.albNodeIp(), alb.availabilityZone(), null, null, null, null,
                        null, null, null, List.of()));
        Path file = dir.resolve("refused.pcapng");
        Files.write(file, JourneyCapture.of(journey, RecordedJourneys.SCENARIO_ALB_NODES).pcapng());

        // Wireshark warns of a reset connection, and of nothing else
        assertThat(Tshark.problems(file)).allSatisfy(p -> assertThat(p).contains("Connection reset"));
        List<Tshark.Packet> packets = Tshark.packets(file, "tcp.flags.syn", "tcp.flags.reset", "tcp.seq_raw",
                "tcp.ack_raw", "frame.interface_name");
        List<Tshark.Packet> syns = where(packets, p -> p.is("tcp.flags.syn"));
        List<Tshark.Packet> resets = where(packets, p -> p.is("tcp.flags.reset"));
        assertThat(syns).hasSize(2);
        assertThat(values(resets, "frame.interface_name")).containsExactly("home-router wan0", "laptop en0");
        // RFC 9293 §3.10.7.1: the RST acknowledges the SYN, SEG.SEQ + 1
        long isn = Long.parseLong(syns.get(0).value("tcp.seq_raw"));
        assertThat(values(resets, "tcp.ack_raw")).containsOnly(String.valueOf(isn + 1));
    }

    /** The journey with its ALB hop replaced, and nothing after it when that hop failed. */
    private static JourneyView withAlb(JourneyView journey, Outcome outcome, long latency, AlbForwarded alb) {
        HopEvent old = journey.hops().get(4);
        HopEvent replaced = journey.hops().get(3).next(latency, old.wallTime(), outcome, old.context(), alb);
        List<HopEvent> hops = new java.util.ArrayList<>(journey.hops().subList(0, 4));
        hops.add(replaced);
        if (outcome.isOk()) {
            HopEvent pod = journey.hops().get(5);
            hops.add(replaced.next(pod.simLatencyMicros(), pod.wallTime(), pod.outcome(), pod.context(), pod.payload()));
        }
        return new JourneyView(journey.journeyId(), journey.status(), journey.url(), journey.client(),
                journey.simStartedAt(), journey.simTotalMicros(), journey.lastHop(), journey.failedHop(),
                journey.failureCode(), journey.failureMessage(), journey.httpStatus(), hops);
    }

    @Test
    void theSameJourneyGivesTheSameBytes() {
        JourneyView journey = RecordedJourneys.read(RecordedJourneys.COMPLETED);
        assertThat(JourneyCapture.of(journey, RecordedJourneys.SCENARIO_ALB_NODES).pcapng())
                .isEqualTo(JourneyCapture.of(journey, RecordedJourneys.SCENARIO_ALB_NODES).pcapng());
    }

    /** The journey exported, checked by tshark for malformed packets and bad checksums, and read back. */
    private static List<Tshark.Packet> readBack(JourneyView journey, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, JourneyCapture.of(journey, RecordedJourneys.SCENARIO_ALB_NODES).pcapng());
        assertThat(Tshark.problems(file)).isEmpty();
        return Tshark.packets(file, FIELDS);
    }

    private static BigDecimal epoch(Instant at) {
        return BigDecimal.valueOf(at.getEpochSecond()).add(BigDecimal.valueOf(at.getNano(), 9));
    }

    private static List<Tshark.Packet> where(List<Tshark.Packet> packets, Predicate<Tshark.Packet> filter) {
        return packets.stream().filter(filter).toList();
    }

    private static List<String> values(List<Tshark.Packet> packets, String field) {
        return packets.stream().flatMap(p -> p.values(field).stream()).toList();
    }

    private static String withoutRoot(String name) {
        return name.replaceFirst("\\.$", "");
    }

    /** tshark prints DNS ids in hex (0x1a2b). */
    private static String decimal(String hex) {
        return hex == null ? null : String.valueOf(Integer.parseInt(hex.replaceFirst("^0x", ""), 16));
    }

    static <T> T payload(JourneyView journey, HopType type, Class<T> payloadType) {
        return journey.hops().stream().filter(h -> h.hopType() == type).map(HopEvent::payload)
                .map(payloadType::cast).findFirst().orElseThrow();
    }
}

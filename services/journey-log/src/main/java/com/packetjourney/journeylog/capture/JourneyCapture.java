package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.journey.JourneyView;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A journey as what happened inside each hop, on the simulated timeline: the steps (each DHCP message, each DNS
 * query, each router, the TCP and TLS handshakes, the rule and target, the HTTP exchange) and the packets they put
 * on the wire, which {@link #pcapng} writes as a capture file. Built from the journey's hop events alone, plus the
 * VPC addresses of the load balancer's nodes, which no event carries.
 */
public final class JourneyCapture {
    /** The VPC address of an ALB node, by its public address (the world's load balancer records know it). */
    @FunctionalInterface
    public interface AlbNodes {
        AlbNodes NONE = publicIp -> Optional.empty();

        Optional<String> privateIp(String publicIp);
    }

    /** One hop and the steps inside it. */
    public record HopSteps(HopEvent hop, List<Step> steps) {
    }

    private final JourneyView journey;
    private final List<HopSteps> hops;

    private JourneyCapture(JourneyView journey, List<HopSteps> hops) {
        this.journey = journey;
        this.hops = hops;
    }

    public static JourneyCapture of(JourneyView journey, AlbNodes albNodes) {
        CaptureContext context = new CaptureContext(journey);
        Optional<TcpFlow> flow = TcpFlow.of(context);
        String traceId = traceId(journey.journeyId());
        List<HopSteps> hops = new ArrayList<>();
        for (HopEvent hop : journey.hops()) {
            hops.add(new HopSteps(hop, List.copyOf(steps(context, hop, flow, albNodes, traceId))));
        }
        return new JourneyCapture(journey, List.copyOf(hops));
    }

    private static List<Step> steps(CaptureContext context, HopEvent hop, Optional<TcpFlow> flow, AlbNodes albNodes,
                                    String traceId) {
        if (hop.payload() instanceof DhcpConfigured dhcp) {
            return DhcpSteps.of(context, hop, dhcp);
        } else if (hop.payload() instanceof DnsResolved dns) {
            return DnsSteps.of(context, hop, dns);
        } else if (hop.payload() instanceof PacketRouted route) {
            return RouteSteps.of(hop, route, flow);
        } else if (hop.payload() instanceof AlbForwarded alb) {
            return AlbSteps.of(context, hop, alb, flow);
        } else if (hop.payload() instanceof PodResponded pod) {
            return PodSteps.of(context, hop, pod, albNodes, traceId);
        }
        return List.of(); // the browser's request: nothing on a wire yet
    }

    public JourneyView journey() {
        return journey;
    }

    public List<HopSteps> hops() {
        return hops;
    }

    /** Every packet of the journey in the order of their simulated instants (ties keep the order they happened in). */
    public List<CapturedPacket> packets() {
        List<CapturedPacket> packets = new ArrayList<>();
        hops.forEach(h -> h.steps().forEach(s -> packets.addAll(s.allPackets())));
        packets.sort(Comparator.comparing(CapturedPacket::at));
        return packets;
    }

    /** The journey's packets as a pcapng file, one interface per {@link CapturePoint}. */
    public byte[] pcapng() {
        return PcapngWriter.write(packets(), "packet-journey journey " + journey.journeyId() + " (" + journey.url()
                + ", " + journey.status() + "), on the simulated timeline from " + journey.simStartedAt());
    }

    /**
     * The journey's 128-bit trace id in hex (W3C Trace Context): the journey id itself when it is a UUID, else a
     * name-based UUID of it, so that one journey always has the same trace.
     */
    public static String traceId(String journeyId) {
        UUID uuid;
        try {
            uuid = UUID.fromString(journeyId);
        } catch (IllegalArgumentException e) {
            uuid = UUID.nameUUIDFromBytes(journeyId.getBytes(StandardCharsets.UTF_8));
        }
        return uuid.toString().replace("-", "");
    }
}

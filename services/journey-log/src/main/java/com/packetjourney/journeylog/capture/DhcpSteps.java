package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DhcpConfigured.DhcpMessage;
import org.pcap4j.util.MacAddress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The DHCP exchange, one step per message. The dhcp-server hop charges one LAN crossing per message, so message
 * {@code i} of {@code n} is on the wire from {@code i/n} to {@code (i+1)/n} of the hop; the laptop's capture sees
 * its own messages as they leave and the server's as they arrive.
 */
final class DhcpSteps {
    private static final int TTL = 64;

    private DhcpSteps() {
    }

    static List<Step> of(CaptureContext context, HopEvent hop, DhcpConfigured dhcp) {
        List<DhcpMessage> exchange = dhcp.exchange() == null ? List.of() : dhcp.exchange();
        List<Step> steps = new ArrayList<>();
        if (exchange.isEmpty()) {
            return steps;
        }
        long perMessage = hop.simLatencyMicros() / exchange.size();
        for (int i = 0; i < exchange.size(); i++) {
            DhcpMessage message = exchange.get(i);
            Instant sent = CaptureContext.plus(hop.simStartedAt(), i * perMessage);
            Endpoint from = Endpoint.parse(message.from());
            Endpoint to = Endpoint.parse(message.to());
            boolean client = DhcpWire.fromClient(message);
            Step step = Step.of(message.type(), "dhcp", sent, perMessage)
                    .attr("network.transport", "udp")
                    .attr("network.type", "ipv4")
                    .attr("source.address", from.ip()).attr("source.port", from.port())
                    .attr("destination.address", to.ip()).attr("destination.port", to.port())
                    .attr("pj.dhcp.message_type", message.type())
                    .attr("pj.dhcp.xid", message.xid())
                    .attr("pj.dhcp.chaddr", message.chaddr())
                    .attr("pj.dhcp.yiaddr", "0.0.0.0".equals(message.yiaddr()) ? null : message.yiaddr())
                    .attr("pj.dhcp.options", message.options().stream()
                            .map(o -> o.code() + " " + o.name() + " = " + o.value()).toList());
            MacAddress clientMac = Frames.mac(message.chaddr());
            MacAddress srcMac = client ? clientMac : Frames.macOf(from.ip());
            MacAddress dstMac = "255.255.255.255".equals(to.ip()) ? Frames.BROADCAST
                    : client ? Frames.macOf(to.ip()) : clientMac;
            Instant seen = client ? sent : CaptureContext.plus(sent, perMessage);
            step.packet(new CapturedPacket(seen, CapturePoint.LAPTOP,
                    Frames.udp(srcMac, dstMac, from, to, TTL, context.ipId(), DhcpWire.encode(message)),
                    message.type() + " xid " + message.xid()
                            + ("0.0.0.0".equals(message.yiaddr()) ? "" : " yiaddr " + message.yiaddr())));
            steps.add(step);
        }
        return steps;
    }
}

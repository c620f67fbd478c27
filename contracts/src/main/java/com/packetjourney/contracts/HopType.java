package com.packetjourney.contracts;

import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.HopPayload;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;

/**
 * Every kind of hop event, each with its fixed {@link HopDefinition#number() number} and wire name and the payload
 * record it carries. The declaration order here is the order of {@link HopChain#STANDARD}; a hop's number is not its
 * position: numbers are assigned once and never reused or shifted, so inserting a hop changes no stored event.
 */
public enum HopType {
    JOURNEY_REQUESTED(new HopDefinition(0, "journey.requested", "laptop", Topics.JOURNEY_REQUESTED,
            "Browser request", "The browser on the laptop asks for the URL"), JourneyRequested.class),
    DHCP_CONFIGURED(new HopDefinition(1, "dhcp.configured", "dhcp-server", Topics.DHCP,
            "DHCP lease", "The laptop holds an IP lease, a default gateway and a DNS server"), DhcpConfigured.class),
    DNS_RESOLVED(new HopDefinition(2, "dns.resolved", "dns-resolver", Topics.DNS,
            "DNS resolution", "The host name is resolved to an IP address"), DnsResolved.class),
    PACKET_ROUTED(new HopDefinition(3, "packet.routed", "bgp-router", Topics.ROUTE,
            "Routing, NAT and BGP",
            "The packet crosses the LAN, the home router's NAT and the Internet's autonomous systems"),
            PacketRouted.class),
    ALB_FORWARDED(new HopDefinition(4, "alb.forwarded", "alb", Topics.ALB,
            "Application Load Balancer", "The ALB terminates TCP and TLS, matches a rule and picks a target"),
            AlbForwarded.class),
    POD_RESPONDED(new HopDefinition(5, "pod.responded", "node-cni", Topics.POD,
            "VPC CNI to nginx in the pod",
            "The node delivers the request through the VPC CNI to nginx in the pod, which answers"),
            PodResponded.class);

    private final HopDefinition definition;
    private final Class<? extends HopPayload> payloadType;

    HopType(HopDefinition definition, Class<? extends HopPayload> payloadType) {
        this.definition = definition;
        this.payloadType = payloadType;
    }

    public HopDefinition definition() {
        return definition;
    }

    /** The hop's fixed number: the {@code hop} field of its events. */
    public int number() {
        return definition.number();
    }

    public String wireName() {
        return definition.wireName();
    }

    public String topic() {
        return definition.topic();
    }

    public String service() {
        return definition.service();
    }

    public String title() {
        return definition.title();
    }

    public String description() {
        return definition.description();
    }

    public Class<? extends HopPayload> payloadType() {
        return payloadType;
    }

    /** Whether this hop ends a journey of the standard chain. */
    public boolean isLast() {
        return HopChain.STANDARD.isLast(number());
    }

    public static HopType fromWireName(String name) {
        for (HopType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown hop type: " + name);
    }

    public static HopType ofNumber(int number) {
        for (HopType t : values()) {
            if (t.number() == number) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown hop number: " + number);
    }

    public static HopType of(HopPayload payload) {
        for (HopType t : values()) {
            if (t.payloadType.isInstance(payload)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no hop type for " + payload.getClass());
    }
}

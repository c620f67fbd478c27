package com.packetjourney.contracts;

import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.HopPayload;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PodResponded;

/** The hops of a journey in the order a request meets them; the ordinal is the hop sequence. */
public enum HopType {
    JOURNEY_REQUESTED("journey.requested", Topics.JOURNEY_REQUESTED, "laptop", JourneyRequested.class,
            "The browser on the laptop asks for the URL"),
    DHCP_CONFIGURED("dhcp.configured", Topics.DHCP, "dhcp-server", DhcpConfigured.class,
            "The laptop holds an IP lease, a default gateway and a DNS server"),
    DNS_RESOLVED("dns.resolved", Topics.DNS, "dns-resolver", DnsResolved.class,
            "The host name is resolved to an IP address"),
    PACKET_ROUTED("packet.routed", Topics.ROUTE, "bgp-router", PacketRouted.class,
            "The packet crosses the LAN, the home router's NAT and the Internet's autonomous systems"),
    ALB_FORWARDED("alb.forwarded", Topics.ALB, "alb", AlbForwarded.class,
            "The ALB terminates TCP and TLS, matches a rule and picks a target"),
    POD_RESPONDED("pod.responded", Topics.POD, "node-cni", PodResponded.class,
            "The node delivers the request through the VPC CNI to nginx in the pod, which answers");

    private final String wireName;
    private final String topic;
    private final String service;
    private final Class<? extends HopPayload> payloadType;
    private final String description;

    HopType(String wireName, String topic, String service, Class<? extends HopPayload> payloadType, String description) {
        this.wireName = wireName;
        this.topic = topic;
        this.service = service;
        this.payloadType = payloadType;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public String service() {
        return service;
    }

    public Class<? extends HopPayload> payloadType() {
        return payloadType;
    }

    public String description() {
        return description;
    }

    public int sequence() {
        return ordinal();
    }

    public boolean isLast() {
        return this == values()[values().length - 1];
    }

    public static HopType fromWireName(String name) {
        for (HopType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown hop type: " + name);
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

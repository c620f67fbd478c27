package com.packetjourney.contracts.hop;

import java.util.List;

/**
 * How the laptop got (or kept) its network configuration. {@code exchange} is every DHCP message sent, in order;
 * it is empty when a still-valid lease made DHCP traffic unnecessary. {@code timeline} says when what took time
 * happened (retransmissions, ARP probes), null in events written before it existed.
 */
public record DhcpConfigured(
        String server,
        String mode,
        List<DhcpMessage> exchange,
        Lease lease,
        List<RouteEntry> routingTable,
        List<TimelineEntry> timeline) implements HopPayload {

    public static final String MODE_FULL_EXCHANGE = "FULL_EXCHANGE";
    public static final String MODE_LEASE_VALID = "LEASE_VALID";
    public static final String MODE_NO_OFFER = "NO_OFFER";
    public static final String MODE_RENEWED = "RENEWED";
    /** Past T2 without a renewal: the REQUEST is broadcast to any server (RFC 2131 §4.4.5). */
    public static final String MODE_REBOUND = "REBOUND";
    /** A client back on its link verifies its remembered address with a broadcast REQUEST (RFC 2131 §3.2). */
    public static final String MODE_INIT_REBOOT = "INIT_REBOOT";
    /** The server answered the client's REQUEST with DHCPNAK and the client started over with DISCOVER (§3.2). */
    public static final String MODE_RESTARTED_AFTER_NAK = "RESTARTED_AFTER_NAK";

    public DhcpConfigured(String server, String mode, List<DhcpMessage> exchange, Lease lease,
                          List<RouteEntry> routingTable) {
        this(server, mode, exchange, lease, routingTable, null);
    }

    /** Something that happened {@code atMicros} after the hop began. */
    public record TimelineEntry(long atMicros, String event) {
    }

    /** One DHCP message (RFC 2131 §2) with its options (RFC 2132) as code, name and value. */
    public record DhcpMessage(String type, String xid, String from, String to, String ciaddr, String yiaddr,
                              String chaddr, List<DhcpOption> options) {
    }

    public record DhcpOption(int code, String name, String value) {
    }

    public record Lease(String address, String subnetMask, String router, List<String> dnsServers,
                        long leaseSeconds, java.time.Instant boundAt, java.time.Instant expiresAt, String serverId) {
    }

    /** One line of the laptop's routing table after configuration. */
    public record RouteEntry(String destination, String gateway, String iface, String source) {
    }
}

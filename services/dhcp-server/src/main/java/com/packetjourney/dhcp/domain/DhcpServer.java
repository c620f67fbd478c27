package com.packetjourney.dhcp.domain;

import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DhcpConfigured.DhcpMessage;
import com.packetjourney.contracts.hop.DhcpConfigured.DhcpOption;
import com.packetjourney.contracts.hop.DhcpConfigured.RouteEntry;
import com.packetjourney.contracts.world.LanSegment;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DHCP server of one LAN (the home router): decides, for a client at a simulated instant, whether a full
 * DISCOVER/OFFER/REQUEST/ACK exchange, a unicast renewal or nothing at all is needed, and what the client ends
 * up configured with.
 */
public final class DhcpServer {
    private static final String BROADCAST = "255.255.255.255";
    private static final String UNSPECIFIED = "0.0.0.0";

    private final LanSegment lan;
    private final LeasePool pool;

    public DhcpServer(LanSegment lan, LeasePool pool) {
        this.lan = lan;
        this.pool = pool;
    }

    public LeasePool pool() {
        return pool;
    }

    public LanSegment lan() {
        return lan;
    }

    /** What happened, the messages exchanged, and the lease (empty when no address could be offered). */
    public record Result(String mode, List<DhcpMessage> exchange, Optional<Lease> lease) {
        public int messageCount() {
            return exchange.size();
        }
    }

    public Result configure(String clientMac, Instant at, long xid) {
        Optional<Lease> binding = pool.bindingOf(clientMac).filter(l -> l.isActiveAt(at));
        if (binding.isPresent() && at.isBefore(binding.get().renewalTime())) {
            return new Result(DhcpConfigured.MODE_LEASE_VALID, List.of(), binding);
        }
        if (binding.isPresent()) {
            return renew(binding.get(), at, xid);
        }
        return fullExchange(clientMac, at, xid);
    }

    /** RFC 2131 §4.4.5: at T1 the client unicasts a DHCPREQUEST (ciaddr set) to the server that leased it. */
    private Result renew(Lease lease, Instant at, long xid) {
        String x = hex(xid);
        List<DhcpMessage> messages = new ArrayList<>();
        messages.add(new DhcpMessage("DHCPREQUEST", x, lease.address() + ":68", lan.routerIp() + ":67",
                lease.address(), UNSPECIFIED, lease.clientMac(), List.of(
                new DhcpOption(53, "DHCP Message Type", "3 (DHCPREQUEST)"))));
        Lease renewed = pool.bind(lease.clientMac(), lease.address(), at);
        messages.add(new DhcpMessage("DHCPACK", x, lan.routerIp() + ":67", lease.address() + ":68",
                lease.address(), lease.address(), lease.clientMac(), configOptions(5, "DHCPACK")));
        return new Result(DhcpConfigured.MODE_RENEWED, messages, Optional.of(renewed));
    }

    private Result fullExchange(String clientMac, Instant at, long xid) {
        String x = hex(xid);
        List<DhcpMessage> messages = new ArrayList<>();
        messages.add(new DhcpMessage("DHCPDISCOVER", x, UNSPECIFIED + ":68", BROADCAST + ":67", UNSPECIFIED,
                UNSPECIFIED, clientMac, List.of(
                new DhcpOption(53, "DHCP Message Type", "1 (DHCPDISCOVER)"),
                new DhcpOption(55, "Parameter Request List", "1 (Subnet Mask), 3 (Router), 6 (Domain Name Server), 51 (Lease Time)"))));
        Optional<String> offered = pool.addressToOffer(clientMac, at);
        if (offered.isEmpty()) {
            return new Result(DhcpConfigured.MODE_NO_OFFER, messages, Optional.empty());
        }
        String address = offered.get();
        // RFC 2131 §4.1: the server broadcasts the OFFER when the client cannot yet receive unicast (no ciaddr, broadcast bit).
        messages.add(new DhcpMessage("DHCPOFFER", x, lan.routerIp() + ":67", BROADCAST + ":68", UNSPECIFIED,
                address, clientMac, configOptions(2, "DHCPOFFER")));
        messages.add(new DhcpMessage("DHCPREQUEST", x, UNSPECIFIED + ":68", BROADCAST + ":67", UNSPECIFIED,
                UNSPECIFIED, clientMac, List.of(
                new DhcpOption(53, "DHCP Message Type", "3 (DHCPREQUEST)"),
                new DhcpOption(50, "Requested IP Address", address),
                new DhcpOption(54, "Server Identifier", lan.routerIp()))));
        Lease lease = pool.bind(clientMac, address, at);
        messages.add(new DhcpMessage("DHCPACK", x, lan.routerIp() + ":67", BROADCAST + ":68", UNSPECIFIED,
                address, clientMac, configOptions(5, "DHCPACK")));
        return new Result(DhcpConfigured.MODE_FULL_EXCHANGE, messages, Optional.of(lease));
    }

    private List<DhcpOption> configOptions(int type, String name) {
        long lease = pool.leaseSeconds();
        return List.of(
                new DhcpOption(53, "DHCP Message Type", type + " (" + name + ")"),
                new DhcpOption(54, "Server Identifier", lan.routerIp()),
                new DhcpOption(51, "IP Address Lease Time", lease + " s"),
                new DhcpOption(58, "Renewal (T1) Time Value", lease / 2 + " s"),
                new DhcpOption(59, "Rebinding (T2) Time Value", lease * 7 / 8 + " s"),
                new DhcpOption(1, "Subnet Mask", subnetMask()),
                new DhcpOption(3, "Router", lan.routerIp()),
                new DhcpOption(6, "Domain Name Server", String.join(", ", lan.dnsServers())));
    }

    public String subnetMask() {
        return network().getNetworkMask().withoutPrefixLength().toString();
    }

    /** The laptop's routing table once configured: the connected LAN and the default route via the router. */
    public List<RouteEntry> routingTable(String iface) {
        return List.of(
                new RouteEntry("0.0.0.0/0", lan.routerIp(), iface, "dhcp"),
                new RouteEntry(network().toPrefixBlock().toString(), "link#" + iface, iface, "connected"));
    }

    /**
     * With no OFFER the client configures itself a link-local address (RFC 3927 §2.1: 169.254.1.0 to
     * 169.254.254.255, chosen pseudo-randomly, seeded here by the MAC so it is stable).
     */
    public static String linkLocalAddress(String clientMac) {
        int h = Math.abs(clientMac.toLowerCase().hashCode());
        int third = 1 + (h % 254);
        int fourth = (h / 254) % 256;
        return "169.254." + third + "." + fourth;
    }

    private IPAddress network() {
        return new IPAddressString(lan.cidr()).getAddress();
    }

    private static String hex(long xid) {
        return String.format("0x%08x", xid & 0xffffffffL);
    }
}

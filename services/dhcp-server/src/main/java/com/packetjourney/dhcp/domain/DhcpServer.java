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
 * The DHCP server of one LAN (the home router) and the client's side of RFC 2131's state machine (§4.4): decides,
 * for a client at a simulated instant, whether a full DISCOVER/OFFER/REQUEST/ACK exchange, a unicast renewal
 * (RENEWING, past T1), a broadcast one (REBINDING, past T2), an INIT-REBOOT check of a remembered address or nothing
 * at all is needed, and what the client ends up configured with. A REQUEST the server cannot honour (the address
 * left the pool, or another client holds it) gets DHCPNAK, and the client starts over with DISCOVER. A DISCOVER
 * nobody answers is retransmitted until the client gives up and claims a link-local address.
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

    /**
     * What happened, the messages exchanged, and the lease (empty when no address could be offered);
     * {@code waitedMicros} is the time spent waiting on timers beyond the messages' own transit (retransmissions,
     * link-local probing), {@code timeline} when each of those things happened.
     */
    public record Result(String mode, List<DhcpMessage> exchange, Optional<Lease> lease, long waitedMicros,
                         List<DhcpConfigured.TimelineEntry> timeline) {
        public Result(String mode, List<DhcpMessage> exchange, Optional<Lease> lease) {
            this(mode, exchange, lease, 0, List.of());
        }

        public int messageCount() {
            return exchange.size();
        }
    }

    public Result configure(String clientMac, Instant at, long xid) {
        return configure(clientMac, at, xid, false);
    }

    /**
     * As {@link #configure(String, Instant, long)}; {@code rejoined} says the client has just come back on the link
     * (woke up, reconnected) and so checks the address it remembers with INIT-REBOOT (RFC 2131 §3.2).
     */
    public Result configure(String clientMac, Instant at, long xid, boolean rejoined) {
        Optional<Lease> binding = pool.bindingOf(clientMac).filter(l -> l.isActiveAt(at));
        if (binding.isEmpty()) {
            return fullExchange(clientMac, at, xid, List.of());
        }
        Lease lease = binding.get();
        if (rejoined) {
            return request(RequestKind.INIT_REBOOT, lease, at, xid);
        }
        if (at.isBefore(lease.renewalTime())) {
            return new Result(DhcpConfigured.MODE_LEASE_VALID, List.of(), binding);
        }
        return request(at.isBefore(lease.rebindingTime()) ? RequestKind.RENEWING : RequestKind.REBINDING, lease,
                at, xid);
    }

    /** RFC 2131 §4.3.2 and Table 5: how each kind of DHCPREQUEST is sent. */
    private enum RequestKind {
        /** Past T1: unicast to the server that leased the address, ciaddr set (§4.4.5). */
        RENEWING(DhcpConfigured.MODE_RENEWED),
        /** Past T2 without an answer: broadcast to any server, ciaddr set (§4.4.5). */
        REBINDING(DhcpConfigured.MODE_REBOUND),
        /** Back on the link: broadcast, ciaddr 0, the remembered address as option 50 (§3.2, §4.3.2). */
        INIT_REBOOT(DhcpConfigured.MODE_INIT_REBOOT);

        private final String mode;

        RequestKind(String mode) {
            this.mode = mode;
        }
    }

    private Result request(RequestKind kind, Lease lease, Instant at, long xid) {
        String x = hex(xid);
        String address = lease.address();
        boolean reboot = kind == RequestKind.INIT_REBOOT;
        String from = (reboot ? UNSPECIFIED : address) + ":68";
        String to = (kind == RequestKind.RENEWING ? lan.routerIp() : BROADCAST) + ":67";
        List<DhcpOption> options = new ArrayList<>(List.of(new DhcpOption(53, "DHCP Message Type",
                "3 (DHCPREQUEST)")));
        if (reboot) {
            options.add(new DhcpOption(50, "Requested IP Address", address));
        }
        List<DhcpMessage> messages = new ArrayList<>();
        messages.add(new DhcpMessage("DHCPREQUEST", x, from, to, reboot ? UNSPECIFIED : address, UNSPECIFIED,
                lease.clientMac(), List.copyOf(options)));
        if (!pool.canBind(address, lease.clientMac(), at)) {
            // §4.3.2: the server cannot honour the REQUEST; the client goes back to INIT (§3.2 step 4, §4.4.5)
            messages.add(new DhcpMessage("DHCPNAK", x, lan.routerIp() + ":67", BROADCAST + ":68", UNSPECIFIED,
                    UNSPECIFIED, lease.clientMac(), List.of(
                    new DhcpOption(53, "DHCP Message Type", "6 (DHCPNAK)"),
                    new DhcpOption(54, "Server Identifier", lan.routerIp()),
                    new DhcpOption(56, "Message", address + " is not available to this client on " + lan.id()))));
            pool.release(lease.clientMac());
            Result restart = fullExchange(lease.clientMac(), at, xid + 1, messages);
            return new Result(restart.lease().isPresent() ? DhcpConfigured.MODE_RESTARTED_AFTER_NAK : restart.mode(),
                    restart.exchange(), restart.lease(), restart.waitedMicros(), restart.timeline());
        }
        Lease renewed = pool.bind(lease.clientMac(), address, at);
        String ackTo = (reboot ? BROADCAST : address) + ":68";
        messages.add(new DhcpMessage("DHCPACK", x, lan.routerIp() + ":67", ackTo, reboot ? UNSPECIFIED : address,
                address, lease.clientMac(), configOptions(5, "DHCPACK")));
        return new Result(kind.mode, messages, Optional.of(renewed));
    }

    private Result fullExchange(String clientMac, Instant at, long xid, List<DhcpMessage> before) {
        String x = hex(xid);
        List<DhcpMessage> messages = new ArrayList<>(before);
        DhcpMessage discover = new DhcpMessage("DHCPDISCOVER", x, UNSPECIFIED + ":68", BROADCAST + ":67",
                UNSPECIFIED, UNSPECIFIED, clientMac, List.of(
                new DhcpOption(53, "DHCP Message Type", "1 (DHCPDISCOVER)"),
                new DhcpOption(55, "Parameter Request List", "1 (Subnet Mask), 3 (Router), 6 (Domain Name Server), 51 (Lease Time)")));
        messages.add(discover);
        Optional<String> offered = pool.addressToOffer(clientMac, at);
        if (offered.isEmpty()) {
            return noOffer(clientMac, xid, messages, discover);
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

    /**
     * No OFFER comes: the DISCOVER is retransmitted (RFC 2131 §4.1) until the client gives up, then it claims its
     * link-local address (RFC 3927 §2.2.1) and uses it.
     */
    private Result noOffer(String clientMac, long xid, List<DhcpMessage> messages, DhcpMessage discover) {
        DiscoverRetransmission retries = DiscoverRetransmission.seeded(xid);
        List<DhcpConfigured.TimelineEntry> timeline = new ArrayList<>();
        List<Long> sends = retries.sendOffsetsMicros();
        timeline.add(new DhcpConfigured.TimelineEntry(0, "DHCPDISCOVER sent"));
        for (int i = 1; i < sends.size(); i++) {
            messages.add(discover);
            timeline.add(new DhcpConfigured.TimelineEntry(sends.get(i), "no DHCPOFFER: DHCPDISCOVER retransmitted ("
                    + seconds(sends.get(i) - sends.get(i - 1)) + " after the previous, RFC 2131 §4.1)"));
        }
        long gaveUp = retries.giveUpMicros();
        timeline.add(new DhcpConfigured.TimelineEntry(gaveUp, "no DHCPOFFER after " + sends.size()
                + " DHCPDISCOVERs: the client gives up and claims a link-local address"));
        LinkLocalClaim claim = LinkLocalClaim.of(linkLocalAddress(clientMac), xid);
        claim.probeOffsetsMicros().forEach(p -> timeline.add(new DhcpConfigured.TimelineEntry(gaveUp + p,
                "ARP Probe: who has " + claim.address() + "? (sender 0.0.0.0, RFC 3927 §2.2.1)")));
        timeline.add(new DhcpConfigured.TimelineEntry(gaveUp + claim.claimedMicros(), "no conflict "
                + seconds(LinkLocalClaim.ANNOUNCE_WAIT) + " after the last probe: " + claim.address() + " is claimed"));
        return new Result(DhcpConfigured.MODE_NO_OFFER, messages, Optional.empty(), gaveUp + claim.claimedMicros(),
                List.copyOf(timeline));
    }

    private static String seconds(long micros) {
        return String.format(java.util.Locale.ROOT, "%.3f s", micros / 1e6);
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

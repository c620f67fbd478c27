package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.PacketRouted;
import org.pcap4j.util.MacAddress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser's TCP connection to the load balancer as the routing and ALB hops describe it: the laptop's address
 * and port, the home router's NAT mapping (RFC 3022 §2.2) taken from the routing hop, the initial sequence numbers,
 * window and MSS from the ALB's handshake, and where on the path the NAT sits, so that each segment can be shown on
 * both sides of it at the instant it passes there.
 */
final class TcpFlow {
    /** "NAT 192.168.1.100:60401 -> 198.51.100.23:54167", as the home router's routing step notes its mapping. */
    private static final Pattern NAT = Pattern.compile("NAT (\\S+):(\\d+) -> (\\S+):(\\d+)");
    /** One line of the ALB's handshake: "SYN 198.51.100.23:60401 > 54.217.40.22:443 seq=... win=64240 mss=1460". */
    private static final Pattern SEGMENT = Pattern.compile(
            "(SYN-ACK|SYN|ACK) (\\S+):(\\d+) > (\\S+):(\\d+) seq=(\\d+)(?: ack=(\\d+))?(?: win=(\\d+))?(?: mss=(\\d+))?");
    private static final int DEFAULT_TTL = 64;
    private static final int DEFAULT_WINDOW = 64240;

    final Endpoint laptop;
    /** The client as the Internet sees it, after NAT; null when no NAT was on the way. */
    final Endpoint translated;
    final Endpoint server;
    final long clientIsn;
    /** From the ALB's SYN-ACK; null when the ALB never answered. */
    final Long serverIsn;
    final int window;
    final Integer mss;
    /** The one-way time laptop to load balancer (the routing hop's latency) and laptop to the NAT. */
    final long oneWayMicros;
    final long natOffsetMicros;
    final int lanTtl;
    final int wanTtl;
    /** Routers between the NAT and the load balancer: each decrements the TTL of what comes back. */
    final int routersBeyondNat;
    final Instant routeStart;
    final String natNote;
    private final MacAddress laptopMac;
    private final MacAddress gatewayMac;
    private final MacAddress wanMac;
    private final MacAddress upstreamMac;
    private final CaptureContext context;

    private TcpFlow(CaptureContext context, HopEvent routed, PacketRouted route, AlbForwarded alb) {
        this.context = context;
        List<PacketRouted.RouterHop> path = route.path() == null ? List.of() : route.path();
        Matcher syn = segment(alb, "SYN");
        Matcher synAck = segment(alb, "SYN-ACK");
        int natIndex = -1;
        Matcher nat = null;
        for (int i = 0; i < path.size(); i++) {
            Matcher m = path.get(i).note() == null ? null : NAT.matcher(path.get(i).note());
            if (m != null && m.find()) {
                natIndex = i;
                nat = m;
                break;
            }
        }
        long offset = 0;
        for (int i = 0; i < natIndex; i++) {
            offset += path.get(i).latencyMicros();
        }
        this.natOffsetMicros = offset;
        this.oneWayMicros = routed.simLatencyMicros();
        this.routeStart = routed.simStartedAt();
        this.server = syn != null ? new Endpoint(syn.group(4), Integer.parseInt(syn.group(5)))
                : new Endpoint(route.destination(), route.destinationPort());
        int clientPort = syn != null ? Integer.parseInt(syn.group(3)) : context.ephemeralPort();
        if (nat != null) {
            this.laptop = new Endpoint(nat.group(1), Integer.parseInt(nat.group(2)));
            // the NAT's own mapping decides the port on its Internet side
            this.translated = new Endpoint(nat.group(3), Integer.parseInt(nat.group(4)));
            this.natNote = nat.group();
        } else {
            this.laptop = new Endpoint(route.source(), clientPort);
            this.translated = null;
            this.natNote = null;
        }
        this.clientIsn = syn != null ? Long.parseLong(syn.group(6)) : context.uint32();
        this.serverIsn = synAck != null ? Long.valueOf(synAck.group(6)) : null;
        this.window = syn != null && syn.group(8) != null ? Integer.parseInt(syn.group(8)) : DEFAULT_WINDOW;
        this.mss = syn != null && syn.group(9) != null ? Integer.valueOf(syn.group(9)) : null;
        this.lanTtl = path.isEmpty() ? DEFAULT_TTL : path.get(0).ttl();
        this.wanTtl = natIndex >= 0 ? path.get(natIndex).ttl() : lanTtl;
        this.routersBeyondNat = Math.max(0, path.size() - 1 - Math.max(natIndex, 0));
        String gateway = routed.context() == null ? null : routed.context().gateway();
        this.laptopMac = routed.context() != null && routed.context().clientMac() != null
                ? Frames.mac(routed.context().clientMac()) : Frames.macOf(laptop.ip());
        this.gatewayMac = Frames.macOf(gateway != null ? gateway : laptop.ip());
        this.wanMac = translated == null ? gatewayMac : Frames.macOf(translated.ip());
        String upstream = natIndex >= 0 && natIndex + 1 < path.size() ? path.get(natIndex + 1).router() : null;
        this.upstreamMac = upstream == null ? gatewayMac : Frames.macOfName(upstream);
    }

    /** The flow of a journey that reached the routing hop with a TCP destination. */
    static Optional<TcpFlow> of(CaptureContext context) {
        Optional<HopEvent> routed = context.hop(HopType.PACKET_ROUTED);
        Optional<PacketRouted> route = context.payload(HopType.PACKET_ROUTED, PacketRouted.class);
        if (routed.isEmpty() || route.isEmpty() || route.get().source() == null || route.get().destination() == null
                || !"TCP".equalsIgnoreCase(route.get().protocol())) {
            return Optional.empty();
        }
        AlbForwarded alb = context.payload(HopType.ALB_FORWARDED, AlbForwarded.class).orElse(null);
        return Optional.of(new TcpFlow(context, routed.get(), route.get(), alb));
    }

    private static Matcher segment(AlbForwarded alb, String flag) {
        if (alb == null || alb.tcpHandshake() == null) {
            return null;
        }
        for (String line : alb.tcpHandshake()) {
            Matcher m = SEGMENT.matcher(line);
            if (m.lookingAt() && m.group(1).equals(flag)) {
                return m;
            }
        }
        return null;
    }

    /** From the laptop's side: seen on the LAN as it leaves, and on the Internet side once the NAT rewrote it. */
    List<CapturedPacket> toServer(Instant leavesLaptop, Frames.Segment segment, String what) {
        List<CapturedPacket> packets = new ArrayList<>();
        packets.add(new CapturedPacket(leavesLaptop, CapturePoint.LAPTOP, Frames.tcp(laptopMac, gatewayMac, laptop,
                server, lanTtl, context.ipId(), segment), what + " " + laptop + " → " + server));
        if (translated != null) {
            packets.add(new CapturedPacket(CaptureContext.plus(leavesLaptop, natOffsetMicros),
                    CapturePoint.HOME_ROUTER_WAN, Frames.tcp(wanMac, upstreamMac, translated, server, wanTtl,
                    context.ipId(), segment), what + " " + translated + " → " + server + " (after NAT)"));
        }
        return packets;
    }

    /** From the load balancer: seen at the NAT's Internet side first, then on the LAN, on the same path back. */
    List<CapturedPacket> toLaptop(Instant leavesServer, Frames.Segment segment, String what) {
        List<CapturedPacket> packets = new ArrayList<>();
        int ttlAtNat = DEFAULT_TTL - routersBeyondNat;
        if (translated != null) {
            packets.add(new CapturedPacket(CaptureContext.plus(leavesServer, oneWayMicros - natOffsetMicros),
                    CapturePoint.HOME_ROUTER_WAN, Frames.tcp(upstreamMac, wanMac, server, translated, ttlAtNat,
                    context.ipId(), segment), what + " " + server + " → " + translated + " (before NAT)"));
        }
        packets.add(new CapturedPacket(CaptureContext.plus(leavesServer, oneWayMicros), CapturePoint.LAPTOP,
                Frames.tcp(gatewayMac, laptopMac, server, laptop, translated != null ? ttlAtNat - 1 : ttlAtNat,
                        context.ipId(), segment), what + " " + server + " → " + laptop));
        return packets;
    }

    /** The client endpoint the load balancer sees. */
    Endpoint client() {
        return translated != null ? translated : laptop;
    }
}

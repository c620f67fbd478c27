package com.packetjourney.journeylog.capture;

import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc1349Tos;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpMaximumSegmentSizeOption;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Ethernet II frames carrying IPv4 with UDP or TCP, built with pcap4j's packet builders, which fill in lengths and
 * the IPv4, UDP and TCP checksums (RFC 791, RFC 768, RFC 9293 §3.1). No native capture library is involved.
 */
final class Frames {
    static final MacAddress BROADCAST = MacAddress.ETHER_BROADCAST_ADDRESS;

    private Frames() {
    }

    /** A TCP segment's header fields and data; {@code mss} is the MSS option a SYN carries, else null. */
    record Segment(long seq, long ack, boolean syn, boolean ackFlag, boolean psh, boolean rst, int window, Integer mss,
                   byte[] data) {

        static Segment syn(long seq, int window, Integer mss) {
            return new Segment(seq, 0, true, false, false, false, window, mss, new byte[0]);
        }

        static Segment synAck(long seq, long ack, int window, Integer mss) {
            return new Segment(seq, ack, true, true, false, false, window, mss, new byte[0]);
        }

        static Segment ack(long seq, long ack, int window) {
            return new Segment(seq, ack, false, true, false, false, window, null, new byte[0]);
        }

        static Segment data(long seq, long ack, int window, byte[] data) {
            return new Segment(seq, ack, false, true, true, false, window, null, data);
        }

        static Segment rstAck(long ack) {
            return new Segment(0, ack, false, true, false, true, 0, null, new byte[0]);
        }

        /** The sequence number after this segment: SYN counts as one octet (RFC 9293 §3.4). */
        long next() {
            return (seq + data.length + (syn ? 1 : 0)) & 0xffffffffL;
        }
    }

    /**
     * A locally administered unicast MAC address (IEEE 802: bit 1 of the first octet set, bit 0 clear) derived from
     * an interface's IPv4 address: the journey names no MAC address but the laptop's, and a derived one keeps each
     * interface recognisable in a capture.
     */
    static MacAddress macOf(String ipv4) {
        byte[] ip = address(ipv4).getAddress();
        return MacAddress.getByAddress(new byte[]{0x02, 0x00, ip[0], ip[1], ip[2], ip[3]});
    }

    /** The same for a device the journey names but gives no address (a router of the ISP). */
    static MacAddress macOfName(String name) {
        long hash = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return MacAddress.getByAddress(new byte[]{0x06, 0x00, (byte) (hash >>> 24), (byte) (hash >>> 16),
                (byte) (hash >>> 8), (byte) hash});
    }

    static MacAddress mac(String text) {
        return MacAddress.getByName(text);
    }

    static byte[] udp(MacAddress srcMac, MacAddress dstMac, Endpoint src, Endpoint dst, int ttl, int ipId,
                      byte[] data) {
        Inet4Address from = address(src.ip());
        Inet4Address to = address(dst.ip());
        UdpPacket.Builder udp = new UdpPacket.Builder()
                .srcPort(UdpPort.getInstance((short) src.port()))
                .dstPort(UdpPort.getInstance((short) dst.port()))
                .srcAddr(from).dstAddr(to)
                .payloadBuilder(new UnknownPacket.Builder().rawData(data))
                .correctLengthAtBuild(true).correctChecksumAtBuild(true);
        return ethernet(srcMac, dstMac, ipv4(from, to, IpNumber.UDP, ttl, ipId, false, udp));
    }

    static byte[] tcp(MacAddress srcMac, MacAddress dstMac, Endpoint src, Endpoint dst, int ttl, int ipId,
                      Segment segment) {
        Inet4Address from = address(src.ip());
        Inet4Address to = address(dst.ip());
        TcpPacket.Builder tcp = new TcpPacket.Builder()
                .srcPort(TcpPort.getInstance((short) src.port()))
                .dstPort(TcpPort.getInstance((short) dst.port()))
                .sequenceNumber((int) segment.seq())
                .acknowledgmentNumber((int) segment.ack())
                .syn(segment.syn()).ack(segment.ackFlag()).psh(segment.psh()).rst(segment.rst())
                .window((short) segment.window())
                .srcAddr(from).dstAddr(to)
                .correctLengthAtBuild(true).correctChecksumAtBuild(true).paddingAtBuild(true);
        if (segment.mss() != null) {
            tcp.options(List.of(new TcpMaximumSegmentSizeOption.Builder()
                    .maxSegSize((short) segment.mss().intValue()).correctLengthAtBuild(true).build()));
        }
        if (segment.data().length > 0) {
            tcp.payloadBuilder(new UnknownPacket.Builder().rawData(segment.data()));
        }
        // Linux sets DF on TCP (path MTU discovery, RFC 1191)
        return ethernet(srcMac, dstMac, ipv4(from, to, IpNumber.TCP, ttl, ipId, true, tcp));
    }

    private static IpV4Packet.Builder ipv4(Inet4Address from, Inet4Address to, IpNumber protocol, int ttl, int ipId,
                                           boolean dontFragment, Packet.Builder payload) {
        return new IpV4Packet.Builder()
                .version(IpVersion.IPV4)
                .tos(IpV4Rfc1349Tos.newInstance((byte) 0))
                .identification((short) ipId)
                .dontFragmentFlag(dontFragment)
                .ttl((byte) ttl)
                .protocol(protocol)
                .srcAddr(from).dstAddr(to)
                .payloadBuilder(payload)
                .correctLengthAtBuild(true).correctChecksumAtBuild(true);
    }

    private static byte[] ethernet(MacAddress srcMac, MacAddress dstMac, IpV4Packet.Builder ip) {
        return new EthernetPacket.Builder()
                .srcAddr(srcMac).dstAddr(dstMac)
                .type(EtherType.IPV4)
                .payloadBuilder(ip)
                .paddingAtBuild(true)
                .build().getRawData();
    }

    static Inet4Address address(String ipv4) {
        if (ipv4 == null || !ipv4.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
        }
        try {
            // a literal: nothing is looked up
            return (Inet4Address) InetAddress.getByName(ipv4);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4, e);
        }
    }
}

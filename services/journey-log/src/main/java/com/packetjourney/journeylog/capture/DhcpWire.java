package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.hop.DhcpConfigured.DhcpMessage;
import com.packetjourney.contracts.hop.DhcpConfigured.DhcpOption;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DHCP message as the BOOTP packet that carries it (RFC 2131 §2, figure 1) with its options (RFC 2132), from the
 * message as the dhcp-server hop records it. Neither pcap4j nor another maintained Java library builds DHCPv4, and
 * the format is a fixed header followed by code-length-value options.
 */
final class DhcpWire {
    static final int SERVER_PORT = 67;
    static final int CLIENT_PORT = 68;
    /** RFC 2131 §3: the first four octets of the options field. */
    private static final byte[] MAGIC_COOKIE = {99, (byte) 130, 83, 99};
    private static final int BOOTREQUEST = 1;
    private static final int BOOTREPLY = 2;
    /** RFC 2131 §2: the leftmost bit of 'flags' asks the server to broadcast its replies. */
    private static final int BROADCAST_FLAG = 0x8000;
    /** RFC 2132 option codes whose value is one or more IPv4 addresses. */
    private static final Set<Integer> ADDRESS_OPTIONS = Set.of(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 21, 28, 32, 33, 41,
            42, 44, 45, 48, 49, 50, 54, 65, 68, 69, 70, 71, 72, 73, 74, 75, 76);
    /** RFC 2132 options whose value is a 32-bit number of seconds. */
    private static final Set<Integer> SECONDS_OPTIONS = Set.of(2, 24, 35, 38, 51, 58, 59);
    private static final Set<Integer> SHORT_OPTIONS = Set.of(13, 22, 26, 57);
    private static final Set<Integer> BYTE_OPTIONS = Set.of(19, 20, 23, 27, 29, 30, 31, 34, 36, 37, 39, 46, 52, 53);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private DhcpWire() {
    }

    /** Whether the client sent it (DISCOVER, REQUEST, DECLINE, RELEASE, INFORM) rather than the server. */
    static boolean fromClient(DhcpMessage message) {
        return !(message.type().endsWith("OFFER") || message.type().endsWith("ACK") || message.type().endsWith("NAK"));
    }

    static byte[] encode(DhcpMessage message) {
        ByteBuffer header = ByteBuffer.allocate(236);
        header.put((byte) (fromClient(message) ? BOOTREQUEST : BOOTREPLY));
        header.put((byte) 1); // htype: Ethernet (RFC 1700 hardware types)
        header.put((byte) 6); // hlen
        header.put((byte) 0); // hops
        header.putInt((int) Long.parseLong(message.xid().replaceFirst("^0x", ""), 16));
        header.putShort((short) 0); // secs
        header.putShort((short) (message.to() != null && message.to().startsWith("255.255.255.255")
                ? BROADCAST_FLAG : 0));
        header.put(ipv4(message.ciaddr()));
        header.put(ipv4(message.yiaddr()));
        header.put(new byte[4]); // siaddr: no next server (no network boot)
        header.put(new byte[4]); // giaddr: no relay agent on the home LAN
        byte[] chaddr = new byte[16];
        byte[] mac = Frames.mac(message.chaddr()).getAddress();
        System.arraycopy(mac, 0, chaddr, 0, mac.length);
        header.put(chaddr);
        // sname (64) and file (128) stay zero
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(MAGIC_COOKIE);
        for (DhcpOption option : message.options()) {
            byte[] value = value(option);
            out.write(option.code());
            out.write(value.length);
            out.writeBytes(value);
        }
        out.write(255); // end
        // BOOTP messages are at least 300 octets (RFC 951's 64-octet vendor area; RFC 1542 §2.1): pad to it
        while (out.size() < 300) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** The option's value as RFC 2132 encodes it, parsed from the text the hop records ("86400 s", "1 (Subnet Mask), 3 ..."). */
    static byte[] value(DhcpOption option) {
        String text = option.value() == null ? "" : option.value();
        int code = option.code();
        if (ADDRESS_OPTIONS.contains(code)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Matcher m = IPV4.matcher(text);
            while (m.find()) {
                out.writeBytes(ipv4(m.group()));
            }
            return out.toByteArray();
        }
        if (SECONDS_OPTIONS.contains(code)) {
            return ByteBuffer.allocate(4).putInt((int) firstNumber(text)).array();
        }
        if (SHORT_OPTIONS.contains(code)) {
            return ByteBuffer.allocate(2).putShort((short) firstNumber(text)).array();
        }
        if (BYTE_OPTIONS.contains(code)) {
            return new byte[]{(byte) firstNumber(text)};
        }
        if (code == 55) {
            // Parameter Request List: the code that starts each item
            List<Integer> codes = new ArrayList<>();
            for (String item : text.split(",")) {
                Matcher m = NUMBER.matcher(item.trim());
                if (m.lookingAt()) {
                    codes.add(Integer.parseInt(m.group()));
                }
            }
            byte[] out = new byte[codes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) codes.get(i).intValue();
            }
            return out;
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static long firstNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no number in DHCP option value '" + text + "'");
        }
        return Long.parseLong(m.group());
    }

    private static byte[] ipv4(String address) {
        return address == null ? new byte[4] : Frames.address(address).getAddress();
    }
}

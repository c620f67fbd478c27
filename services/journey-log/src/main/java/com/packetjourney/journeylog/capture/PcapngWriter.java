package com.packetjourney.journeylog.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The pcapng file format (draft-ietf-opsawg-pcapng): a section header, one interface description per
 * {@link CapturePoint} (Ethernet, microsecond timestamps) and one enhanced packet block per frame, its summary as
 * the frame's comment. Little-endian, as the byte-order magic of the section header says.
 */
public final class PcapngWriter {
    public static final String MEDIA_TYPE = "application/vnd.tcpdump.pcap";
    private static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int ENHANCED_PACKET = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int OPT_END = 0;
    private static final int OPT_COMMENT = 1;
    private static final int SHB_USERAPPL = 4;
    private static final int IF_NAME = 2;
    private static final int IF_DESCRIPTION = 3;

    private PcapngWriter() {
    }

    /** {@code packets} in the order given (callers sort them by time); {@code comment} describes the whole file. */
    public static byte[] write(List<CapturedPacket> packets, String comment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Options shb = new Options().string(OPT_COMMENT, comment).string(SHB_USERAPPL, "packet-journey journey-log");
        block(out, SECTION_HEADER, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0)
                .putLong(-1) // section length not given
                .array(), shb);
        for (CapturePoint point : CapturePoint.values()) {
            Options options = new Options().string(IF_NAME, point.interfaceName())
                    .string(IF_DESCRIPTION, point.description());
            block(out, INTERFACE_DESCRIPTION, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) LINKTYPE_ETHERNET).putShort((short) 0).putInt(0).array(), options);
        }
        for (CapturedPacket packet : packets) {
            long micros = micros(packet.at());
            byte[] frame = packet.frame();
            ByteBuffer fixed = ByteBuffer.allocate(20 + padded(frame.length)).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(packet.point().ordinal())
                    .putInt((int) (micros >>> 32)).putInt((int) micros)
                    .putInt(frame.length).putInt(frame.length)
                    .put(frame);
            block(out, ENHANCED_PACKET, fixed.array(), new Options().string(OPT_COMMENT, packet.summary()));
        }
        return out.toByteArray();
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    /** A block: type, total length, body, options, total length again (so readers can walk backwards). */
    private static void block(ByteArrayOutputStream out, int type, byte[] body, Options options) {
        byte[] opts = options.end();
        int length = 12 + body.length + opts.length;
        ByteBuffer block = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(type).putInt(length).put(body).put(opts).putInt(length);
        out.writeBytes(block.array());
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** Options: code, length, value padded to 32 bits; ended by opt_endofopt. */
    private static final class Options {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private boolean any;

        Options string(int code, String value) {
            if (value == null || value.isEmpty()) {
                return this;
            }
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4 + padded(v.length)).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) code).putShort((short) v.length).put(v).array());
            any = true;
            return this;
        }

        byte[] end() {
            if (!any) {
                return new byte[0];
            }
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) OPT_END).putShort((short) 0).array());
            return out.toByteArray();
        }
    }
}

package com.packetjourney.journeylog.capture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The two TLS handshake messages that travel in clear: the browser's ClientHello (RFC 8446 §4.1.2) and the load
 * balancer's ServerHello (§4.1.3), each in a TLS record (§5.1). Java's TLS libraries only emit these while running
 * a real handshake with real keys; the journey needs them for given names, versions and suites, on the simulated
 * timeline, so they are encoded here. What the browser offers is not part of the journey: the offer below is the one
 * Chrome 124 sends (without its GREASE values), the browser the model's User-Agent names.
 */
final class TlsWire {
    static final int TLS_1_2 = 0x0303;
    static final int TLS_1_3 = 0x0304;

    private static final int HANDSHAKE = 22;
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;
    private static final int EXT_SERVER_NAME = 0;
    private static final int EXT_SUPPORTED_GROUPS = 10;
    private static final int EXT_EC_POINT_FORMATS = 11;
    private static final int EXT_SIGNATURE_ALGORITHMS = 13;
    private static final int EXT_ALPN = 16;
    private static final int EXT_SUPPORTED_VERSIONS = 43;
    private static final int EXT_PSK_KEY_EXCHANGE_MODES = 45;
    private static final int EXT_KEY_SHARE = 51;
    private static final int EXT_RENEGOTIATION_INFO = 0xff01;
    private static final int X25519 = 0x001d;

    /** Chrome's cipher suites in its order of preference: TLS 1.3 first, then TLS 1.2's ECDHE and RSA suites. */
    static final List<Integer> OFFERED_CIPHERS = List.of(0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030,
            0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035);
    /** x25519, secp256r1, secp384r1 (RFC 8446 §4.2.7). */
    private static final List<Integer> GROUPS = List.of(X25519, 0x0017, 0x0018);
    /** ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, rsa_pkcs1_sha256, and the same with SHA-384 and SHA-512 (§4.2.3). */
    private static final List<Integer> SIGNATURE_SCHEMES = List.of(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501,
            0x0806, 0x0601);
    static final List<String> OFFERED_ALPN = List.of("h2", "http/1.1");

    /**
     * IANA's code points of the suites ELB security policies list, under the OpenSSL names AWS's documentation
     * uses and under their RFC names.
     */
    private static final Map<String, Integer> CIPHERS = Map.ofEntries(
            Map.entry("TLS_AES_128_GCM_SHA256", 0x1301),
            Map.entry("TLS_AES_256_GCM_SHA384", 0x1302),
            Map.entry("TLS_CHACHA20_POLY1305_SHA256", 0x1303),
            Map.entry("ECDHE-ECDSA-AES128-GCM-SHA256", 0xc02b),
            Map.entry("ECDHE-RSA-AES128-GCM-SHA256", 0xc02f),
            Map.entry("ECDHE-ECDSA-AES256-GCM-SHA384", 0xc02c),
            Map.entry("ECDHE-RSA-AES256-GCM-SHA384", 0xc030),
            Map.entry("ECDHE-ECDSA-AES128-SHA256", 0xc023),
            Map.entry("ECDHE-RSA-AES128-SHA256", 0xc027),
            Map.entry("ECDHE-ECDSA-AES256-SHA384", 0xc024),
            Map.entry("ECDHE-RSA-AES256-SHA384", 0xc028),
            Map.entry("ECDHE-ECDSA-AES128-SHA", 0xc009),
            Map.entry("ECDHE-RSA-AES128-SHA", 0xc013),
            Map.entry("ECDHE-ECDSA-AES256-SHA", 0xc00a),
            Map.entry("ECDHE-RSA-AES256-SHA", 0xc014),
            Map.entry("ECDHE-ECDSA-CHACHA20-POLY1305", 0xcca9),
            Map.entry("ECDHE-RSA-CHACHA20-POLY1305", 0xcca8),
            Map.entry("AES128-GCM-SHA256", 0x009c),
            Map.entry("AES256-GCM-SHA384", 0x009d),
            Map.entry("AES128-SHA256", 0x003c),
            Map.entry("AES256-SHA256", 0x003d),
            Map.entry("AES128-SHA", 0x002f),
            Map.entry("AES256-SHA", 0x0035),
            Map.entry("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", 0xc02b),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0xc02f),
            Map.entry("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", 0xc02c),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", 0xc030),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", 0xc013),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", 0xc014),
            Map.entry("TLS_RSA_WITH_AES_128_GCM_SHA256", 0x009c),
            Map.entry("TLS_RSA_WITH_AES_256_GCM_SHA384", 0x009d));

    private TlsWire() {
    }

    /** The suite's code point, if it is one the load balancer's security policies can choose. */
    static Optional<Integer> cipher(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(CIPHERS.get(name.toUpperCase(Locale.ROOT)));
    }

    /** "TLSv1.3" or "TLSv1.2" (as ELB security policies write them) as a protocol version. */
    static Optional<Integer> version(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.replace(" ", "").toUpperCase(Locale.ROOT)) {
            case "TLSV1.3", "TLS1.3" -> Optional.of(TLS_1_3);
            case "TLSV1.2", "TLS1.2" -> Optional.of(TLS_1_2);
            default -> Optional.empty();
        };
    }

    /**
     * The ClientHello record: {@code sni} in server_name (RFC 6066 §3), the offer above plus {@code chosenCipher}
     * should the server have picked a suite outside it, TLS 1.3 and 1.2 in supported_versions, an x25519 key share.
     */
    static byte[] clientHello(String sni, byte[] random, byte[] sessionId, byte[] keyShare, Integer chosenCipher) {
        List<Integer> ciphers = new ArrayList<>(OFFERED_CIPHERS);
        if (chosenCipher != null && !ciphers.contains(chosenCipher)) {
            ciphers.add(chosenCipher);
        }
        Bytes extensions = new Bytes();
        if (sni != null) {
            byte[] name = sni.getBytes(StandardCharsets.US_ASCII);
            Bytes serverName = new Bytes().u8(0).u16(name.length).raw(name);
            extension(extensions, EXT_SERVER_NAME, new Bytes().u16(serverName.size()).raw(serverName.bytes()));
        }
        extension(extensions, EXT_SUPPORTED_GROUPS, new Bytes().u16(GROUPS.size() * 2).u16s(GROUPS));
        extension(extensions, EXT_EC_POINT_FORMATS, new Bytes().u8(1).u8(0));
        extension(extensions, EXT_SIGNATURE_ALGORITHMS,
                new Bytes().u16(SIGNATURE_SCHEMES.size() * 2).u16s(SIGNATURE_SCHEMES));
        extension(extensions, EXT_ALPN, alpn(OFFERED_ALPN));
        extension(extensions, EXT_SUPPORTED_VERSIONS, new Bytes().u8(4).u16(TLS_1_3).u16(TLS_1_2));
        extension(extensions, EXT_PSK_KEY_EXCHANGE_MODES, new Bytes().u8(1).u8(1)); // psk_dhe_ke
        extension(extensions, EXT_KEY_SHARE, new Bytes().u16(4 + keyShare.length)
                .u16(X25519).u16(keyShare.length).raw(keyShare));
        Bytes body = new Bytes().u16(TLS_1_2).raw(random)
                .u8(sessionId.length).raw(sessionId)
                .u16(ciphers.size() * 2).u16s(ciphers)
                .u8(1).u8(0) // compression: null only
                .u16(extensions.size()).raw(extensions.bytes());
        // RFC 8446 §5.1: an initial ClientHello's record may say TLS 1.0 for middleboxes' sake, as browsers do
        return record(0x0301, handshake(CLIENT_HELLO, body));
    }

    /**
     * The ServerHello record for {@code version}: in TLS 1.3 the version goes in supported_versions beside the
     * server's key share (§4.1.3) and ALPN's answer travels encrypted; in TLS 1.2 the answer to ALPN is in the
     * ServerHello itself (RFC 7301 §3.1).
     */
    static byte[] serverHello(int version, int cipher, String alpn, byte[] random, byte[] sessionId, byte[] keyShare) {
        Bytes extensions = new Bytes();
        if (version == TLS_1_3) {
            extension(extensions, EXT_SUPPORTED_VERSIONS, new Bytes().u16(TLS_1_3));
            extension(extensions, EXT_KEY_SHARE, new Bytes().u16(X25519).u16(keyShare.length).raw(keyShare));
        } else {
            extension(extensions, EXT_RENEGOTIATION_INFO, new Bytes().u8(0));
            extension(extensions, EXT_EC_POINT_FORMATS, new Bytes().u8(1).u8(0));
            if (alpn != null) {
                extension(extensions, EXT_ALPN, alpn(List.of(alpn)));
            }
        }
        Bytes body = new Bytes().u16(TLS_1_2).raw(random)
                .u8(sessionId.length).raw(sessionId)
                .u16(cipher).u8(0)
                .u16(extensions.size()).raw(extensions.bytes());
        return record(TLS_1_2, handshake(SERVER_HELLO, body));
    }

    private static Bytes alpn(List<String> protocols) {
        Bytes list = new Bytes();
        for (String p : protocols) {
            byte[] name = p.getBytes(StandardCharsets.US_ASCII);
            list.u8(name.length).raw(name);
        }
        return new Bytes().u16(list.size()).raw(list.bytes());
    }

    private static void extension(Bytes extensions, int type, Bytes data) {
        extensions.u16(type).u16(data.size()).raw(data.bytes());
    }

    private static byte[] handshake(int type, Bytes body) {
        return new Bytes().u8(type).u24(body.size()).raw(body.bytes()).bytes();
    }

    private static byte[] record(int version, byte[] fragment) {
        return new Bytes().u8(HANDSHAKE).u16(version).u16(fragment.length).raw(fragment).bytes();
    }

    /** Big-endian fields, as TLS's presentation language lays them out (RFC 8446 §3). */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Bytes u24(int v) {
            out.write(v >>> 16);
            return u16(v & 0xffff);
        }

        Bytes u16s(List<Integer> values) {
            values.forEach(this::u16);
            return this;
        }

        Bytes raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}

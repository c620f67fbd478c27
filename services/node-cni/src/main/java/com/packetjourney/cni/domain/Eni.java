package com.packetjourney.cni.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An elastic network interface attached to a node as eth&lt;deviceIndex&gt;: its own primary address, and the
 * secondary addresses ipamd holds for pods.
 */
public final class Eni {
    private final String id;
    private final int deviceIndex;
    private final String primaryIp;
    private final List<String> secondaryIps = new ArrayList<>();

    public Eni(String id, int deviceIndex, String primaryIp) {
        this.id = id;
        this.deviceIndex = deviceIndex;
        this.primaryIp = primaryIp;
    }

    /** An ENI id as AWS writes them ("eni-" and 17 hex digits), derived from the seed so it is stable. */
    public static String idFor(long seed, String node, int deviceIndex) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "|" + node + "|eth" + deviceIndex).getBytes(StandardCharsets.UTF_8));
            return "eni-" + HexFormat.of().formatHex(digest).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public String id() {
        return id;
    }

    public int deviceIndex() {
        return deviceIndex;
    }

    /** The interface name on the node. */
    public String device() {
        return "eth" + deviceIndex;
    }

    public boolean isPrimary() {
        return deviceIndex == 0;
    }

    public String primaryIp() {
        return primaryIp;
    }

    public List<String> secondaryIps() {
        return List.copyOf(secondaryIps);
    }

    void addSecondaryIp(String ip) {
        if (!secondaryIps.contains(ip)) {
            secondaryIps.add(ip);
        }
    }
}

package com.packetjourney.cni.domain;

import com.packetjourney.contracts.k8s.EniAttachment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * An elastic network interface attached to a node as eth&lt;deviceIndex&gt;: its own primary address, the
 * secondary addresses ipamd holds for pods, and why ipamd attached it (null for the primary ENI, which comes with
 * the instance, and for an ENI read back after a restart).
 */
public final class Eni {
    private final String id;
    private final int deviceIndex;
    private final String primaryIp;
    private final String reason;
    private final List<String> secondaryIps = new ArrayList<>();

    public Eni(String id, int deviceIndex, String primaryIp, String reason) {
        this.id = id;
        this.deviceIndex = deviceIndex;
        this.primaryIp = primaryIp;
        this.reason = reason;
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

    /** The id of the attachment event, derived from the node and the ENI so it is the same after a restart. */
    public static String attachmentEventId(String node, String eniId) {
        return UUID.nameUUIDFromBytes(("attach|" + node + "|" + eniId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String id() {
        return id;
    }

    public String reason() {
        return reason;
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

    /** The attachment as node-cni publishes it; only for an ENI ipamd attached (device index 1 and above). */
    public EniAttachment toAttachment(String node, String subnetCidr) {
        if (isPrimary()) {
            throw new IllegalStateException("the primary ENI " + id
                    + " comes with the instance, ipamd never attaches it");
        }
        return new EniAttachment(node, id, deviceIndex, subnetCidr, primaryIp,
                secondaryIps.stream().sorted(Comparator.comparingLong(Subnet::value)).toList(), reason,
                attachmentEventId(node, id));
    }

    void addSecondaryIp(String ip) {
        if (!secondaryIps.contains(ip)) {
            secondaryIps.add(ip);
        }
    }
}

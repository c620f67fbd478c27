package com.packetjourney.cni.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The last stretch of the request inside the VPC, from the ALB node to the process in the pod, and its cost in
 * simulated time. The figures are model constants, chosen as typical orders of magnitude.
 */
public final class DataPath {
    /** One way across the VPC fabric between two instances of one availability zone. */
    public static final long SAME_ZONE_MICROS = 100;
    /** Added one way when the ALB node and the pod's node are in different zones (kilometres of fibre apart). */
    public static final long CROSS_ZONE_EXTRA_MICROS = 400;
    /** Through the host route and the veth pair into the pod's network namespace. */
    public static final long VETH_MICROS = 15;
    /** nginx accepting the connection and answering a small static page from memory. */
    public static final long SERVER_HANDLING_MICROS = 150;

    private DataPath() {
    }

    public static long fabricMicros(String fromZone, String toZone) {
        return fromZone != null && fromZone.equals(toZone) ? SAME_ZONE_MICROS
                : SAME_ZONE_MICROS + CROSS_ZONE_EXTRA_MICROS;
    }

    /** The VPC's main route table id, as AWS writes them ("rtb-" and 17 hex digits), stable for a world. */
    public static String routeTableId(long seed, String vpcId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "|rtb|" + vpcId).getBytes(StandardCharsets.UTF_8));
            return "rtb-" + HexFormat.of().formatHex(digest).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The program in the image ("nginx" of "nginx:1.27"). */
    public static String serverName(String image) {
        if (image == null || image.isBlank()) {
            return "nginx";
        }
        String repository = tagIndex(image) < 0 ? image : image.substring(0, tagIndex(image));
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** The Server header the image's program sends: name/version from the image tag ("nginx/1.27"). */
    public static String serverHeader(String image) {
        String name = serverName(image);
        if (image == null || tagIndex(image) < 0 || image.endsWith(":latest")) {
            return name;
        }
        return name + "/" + image.substring(tagIndex(image) + 1);
    }

    /** Where the tag's colon is, or -1; a colon before the last slash is a registry port, not a tag. */
    private static int tagIndex(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? colon : -1;
    }
}

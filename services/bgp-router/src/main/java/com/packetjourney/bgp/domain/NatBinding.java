package com.packetjourney.bgp.domain;

import java.util.SplittableRandom;

/** One NAPT mapping of the home router (RFC 3022 §2.2): the laptop's address and port to the public ones. */
public record NatBinding(String insideIp, int insidePort, String outsideIp, int outsidePort) {

    /**
     * The laptop's source port comes from the dynamic range 49152-65535 (RFC 6335 §6); the NAT maps a port from
     * 1024-65535 to one in the same range (RFC 4787 §4.2.1). Both drawn from the journey's seeded random.
     */
    public static NatBinding allocate(String insideIp, String outsideIp, SplittableRandom random) {
        int insidePort = random.nextInt(49152, 65536);
        int outsidePort = random.nextInt(1024, 65536);
        return new NatBinding(insideIp, insidePort, outsideIp, outsidePort);
    }

    public String describe() {
        return "NAT " + insideIp + ":" + insidePort + " -> " + outsideIp + ":" + outsidePort;
    }
}

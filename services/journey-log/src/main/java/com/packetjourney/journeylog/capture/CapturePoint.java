package com.packetjourney.journeylog.capture;

/**
 * Where a packet of a journey is seen: each is one interface of the pcapng file, so Wireshark's
 * {@code frame.interface_name} tells the laptop's side of the NAT from the Internet's side.
 */
public enum CapturePoint {
    LAPTOP("laptop en0", "the laptop's interface on the home LAN"),
    HOME_ROUTER_WAN("home-router wan0", "the home router's Internet side, after NAT"),
    RESOLVER("resolver eth0", "the ISP's recursive resolver, querying the authoritative servers"),
    ALB_TO_TARGET("alb-node vpc", "the ALB node's interface in the VPC, towards its targets");

    private final String interfaceName;
    private final String description;

    CapturePoint(String interfaceName, String description) {
        this.interfaceName = interfaceName;
        this.description = description;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public String description() {
        return description;
    }
}

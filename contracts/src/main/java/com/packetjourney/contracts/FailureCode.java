package com.packetjourney.contracts;

/** Every way a journey can fail, each owned by the hop that detects it. */
public enum FailureCode {
    UNKNOWN_CLIENT(HopType.JOURNEY_REQUESTED, "The laptop is not part of the loaded world"),
    DHCP_NO_LAN(HopType.DHCP_CONFIGURED, "No DHCP server serves the laptop's LAN"),
    DHCP_POOL_EXHAUSTED(HopType.DHCP_CONFIGURED, "The DHCP pool has no free address, so no DHCPOFFER was sent"),
    DNS_NXDOMAIN(HopType.DNS_RESOLVED, "The authoritative server says the name does not exist"),
    DNS_NODATA(HopType.DNS_RESOLVED, "The name exists but has no A record"),
    DNS_SERVFAIL(HopType.DNS_RESOLVED, "No server could answer for the name (lame or missing delegation)"),
    DNS_CNAME_LOOP(HopType.DNS_RESOLVED, "The CNAME chain loops or is too long"),
    NO_ROUTE(HopType.PACKET_ROUTED, "A router on the path has no route to the destination"),
    TTL_EXCEEDED(HopType.PACKET_ROUTED, "The packet's IP TTL reached zero before the destination"),
    ALB_NOT_FOUND(HopType.ALB_FORWARDED, "No load balancer node owns the destination address"),
    ALB_NO_LISTENER(HopType.ALB_FORWARDED, "Nothing listens on the destination port, so the connection is refused"),
    ALB_TLS_HANDSHAKE_FAILED(HopType.ALB_FORWARDED, "No certificate matches the SNI name"),
    ALB_NO_RULE(HopType.ALB_FORWARDED, "No rule matched and the listener has no default action"),
    ALB_NO_HEALTHY_TARGET(HopType.ALB_FORWARDED, "HTTP 503: the target group has no healthy registered target"),
    ALB_FIXED_RESPONSE(HopType.ALB_FORWARDED, "The matched rule's fixed-response action answered: no target was asked"),
    ALB_REDIRECT(HopType.ALB_FORWARDED, "The matched rule's redirect action sent the browser elsewhere (Location)"),
    POD_NOT_FOUND(HopType.POD_RESPONDED, "HTTP 502: no pod owns the target IP in the VPC"),
    POD_NOT_LISTENING(HopType.POD_RESPONDED, "HTTP 502: the pod reset the connection (nothing listens on the port)");

    private final HopType hop;
    private final String explanation;

    FailureCode(HopType hop, String explanation) {
        this.hop = hop;
        this.explanation = explanation;
    }

    public HopType hop() {
        return hop;
    }

    public String explanation() {
        return explanation;
    }
}

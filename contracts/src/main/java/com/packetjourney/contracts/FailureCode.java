package com.packetjourney.contracts;

/** Every way a journey can fail, each owned by the hop that detects it. */
public enum FailureCode {
    UNKNOWN_CLIENT(HopType.JOURNEY_REQUESTED, "The laptop is not part of the loaded world", null),
    DHCP_NO_LAN(HopType.DHCP_CONFIGURED, "No DHCP server serves the laptop's LAN", "ERR_INTERNET_DISCONNECTED"),
    DHCP_POOL_EXHAUSTED(HopType.DHCP_CONFIGURED, "The DHCP pool has no free address, so no DHCPOFFER was sent",
            "ERR_INTERNET_DISCONNECTED"),
    DNS_NXDOMAIN(HopType.DNS_RESOLVED, "The authoritative server says the name does not exist",
            "ERR_NAME_NOT_RESOLVED"),
    DNS_NODATA(HopType.DNS_RESOLVED, "The name exists but has no A record", "ERR_NAME_NOT_RESOLVED"),
    DNS_SERVFAIL(HopType.DNS_RESOLVED, "No server could answer for the name (lame or missing delegation)",
            "ERR_NAME_NOT_RESOLVED"),
    DNS_CNAME_LOOP(HopType.DNS_RESOLVED, "The CNAME chain loops or is too long", "ERR_NAME_NOT_RESOLVED"),
    NO_ROUTE(HopType.PACKET_ROUTED, "A router on the path has no route to the destination",
            "ERR_ADDRESS_UNREACHABLE"),
    TTL_EXCEEDED(HopType.PACKET_ROUTED, "The packet's IP TTL reached zero before the destination",
            "ERR_CONNECTION_TIMED_OUT"),
    ALB_NOT_FOUND(HopType.ALB_FORWARDED, "No load balancer answers at the destination address (none owns it, or the "
            + "route leads into another AS): the SYN is retransmitted until the client times out",
            "ERR_CONNECTION_TIMED_OUT"),
    ALB_NO_LISTENER(HopType.ALB_FORWARDED, "No listener on the destination port: the security group drops the SYN "
            + "(no RST) and the client times out", "ERR_CONNECTION_TIMED_OUT"),
    ALB_TLS_HANDSHAKE_FAILED(HopType.ALB_FORWARDED, "No certificate matches the SNI name",
            "ERR_CERT_COMMON_NAME_INVALID"),
    ALB_TLS_NO_SHARED_CIPHER(HopType.ALB_FORWARDED, "The client offers no TLS version and cipher the listener's "
            + "security policy allows: handshake_failure", "ERR_SSL_VERSION_OR_CIPHER_MISMATCH"),
    ALB_NO_RULE(HopType.ALB_FORWARDED, "No rule matched and the listener has no default action", "HTTP 404 page"),
    ALB_NO_HEALTHY_TARGET(HopType.ALB_FORWARDED, "HTTP 503: the target group has no healthy registered target",
            "HTTP 503 Service Temporarily Unavailable page"),
    ALB_FIXED_RESPONSE(HopType.ALB_FORWARDED, "The matched rule's fixed-response action answered: no target was asked",
            "the fixed response"),
    ALB_REDIRECT(HopType.ALB_FORWARDED, "The matched rule's redirect action sent the browser elsewhere (Location)",
            "the redirect's Location"),
    POD_NOT_FOUND(HopType.POD_RESPONDED, "HTTP 504: no pod owns the target IP in the VPC, so the ALB's SYN is not "
            + "answered within its 10 s connection timeout", "HTTP 504 Gateway Time-out page"),
    POD_NOT_LISTENING(HopType.POD_RESPONDED, "HTTP 502: the pod reset the connection (nothing listens on the port)",
            "HTTP 502 Bad Gateway page"),
    POD_TIMED_OUT(HopType.POD_RESPONDED, "HTTP 504: the target answered later than the load balancer's idle timeout "
            + "(60 s by default)", "HTTP 504 Gateway Time-out page");

    private final HopType hop;
    private final String explanation;
    private final String browserShows;

    FailureCode(HopType hop, String explanation, String browserShows) {
        this.hop = hop;
        this.explanation = explanation;
        this.browserShows = browserShows;
    }

    public HopType hop() {
        return hop;
    }

    public String explanation() {
        return explanation;
    }

    /**
     * What Chrome shows the user: its net error name (net/base/net_error_list.h) when no HTTP response came, else
     * the page the HTTP error came with; null when the journey never reached the browser's network stack.
     */
    public String browserShows() {
        return browserShows;
    }
}

package com.packetjourney.alb.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The request as the ALB sends it on to the target, over a connection of its own (ELB User Guide, "HTTP headers and
 * Application Load Balancers"): the ALB node opens TCP from its private address and an ephemeral port to the
 * target, and adds X-Forwarded-For (the client's address, appended to any the request already carried),
 * X-Forwarded-Proto and X-Forwarded-Port (the listener's), and X-Amzn-Trace-Id ("Root=1-" the epoch seconds in 8 hex
 * digits "-" 24 hex digits; ELB's request tracing).
 */
public record ForwardedRequest(List<String> connection, String requestLine, List<String> headers) {
    /** Linux's default ip_local_port_range, 32768-60999, which an ALB node's kernel draws from too. */
    private static final int EPHEMERAL_FIRST = 32768;
    private static final int EPHEMERAL_LAST = 60999;

    public static ForwardedRequest of(HttpRequest request, Listener listener, String albPrivateIp, String targetIp,
                                      int targetPort, Instant at, SplittableRandom random) {
        String albEndpoint = albPrivateIp + ":" + random.nextInt(EPHEMERAL_FIRST, EPHEMERAL_LAST + 1);
        TcpHandshake tcp = TcpHandshake.between(albEndpoint, targetIp + ":" + targetPort, random);
        List<String> headers = new ArrayList<>();
        request.headers().forEach((name, value) -> {
            if (!name.equals("x-forwarded-for") && !name.equals("x-forwarded-proto")
                    && !name.equals("x-forwarded-port")) {
                headers.add(name + ": " + value);
            }
        });
        String before = request.headers().get("x-forwarded-for");
        headers.add("x-forwarded-for: " + (before == null ? "" : before + ", ") + request.sourceIp());
        headers.add("x-forwarded-proto: " + listener.protocol().toLowerCase(java.util.Locale.ROOT));
        headers.add("x-forwarded-port: " + listener.port());
        headers.add("x-amzn-trace-id: Root=1-" + String.format("%08x", at.getEpochSecond()) + "-"
                + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 16)
                + HexFormat.of().toHexDigits(random.nextInt()));
        String target = request.path() + (request.query() == null || request.query().isEmpty() ? ""
                : "?" + request.query());
        return new ForwardedRequest(tcp.lines(), request.method() + " " + target + " HTTP/1.1", List.copyOf(headers));
    }
}

package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.hop.PodResponded;
import org.pcap4j.util.MacAddress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP exchange between the load balancer node and nginx in the pod, in clear inside the VPC: the request as the
 * ALB forwards it, with the X-Forwarded-For, -Proto and -Port and X-Amzn-Trace-Id headers it adds (AWS, "HTTP
 * headers and Application Load Balancers"), and nginx's status line. The ALB keeps its connections to targets open
 * and reuses them, so no handshake precedes the request. The body is not part of the model: the response says
 * Content-Length: 0. Each step of the VPC CNI's data path is an event at the request's start.
 */
final class PodSteps {
    private static final int TTL = 64;
    /** IMF-fixdate (RFC 9110 §5.6.7). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private PodSteps() {
    }

    static List<Step> of(CaptureContext context, HopEvent hop, PodResponded pod, JourneyCapture.AlbNodes albNodes,
                         String traceId) {
        List<Step> steps = new ArrayList<>();
        Optional<AlbForwarded> alb = context.payload(HopType.ALB_FORWARDED, AlbForwarded.class);
        JourneyContext ctx = hop.context();
        String targetIp = alb.map(AlbForwarded::target).map(AlbForwarded.Target::ip).orElse(pod.podIp());
        int targetPort = alb.map(AlbForwarded::target).map(AlbForwarded.Target::port).orElse(pod.containerPort());
        if (targetIp == null || ctx == null) {
            return steps;
        }
        String method = context.payload(HopType.JOURNEY_REQUESTED, JourneyRequested.class)
                .map(JourneyRequested::method).orElse("GET");
        String path = ctx.path() == null || ctx.path().isEmpty() ? "/" : ctx.path();
        Instant start = hop.simStartedAt();
        Step http = Step.of(method + " " + path + " → " + targetIp + ":" + targetPort, "http", start,
                hop.simLatencyMicros())
                .attr("http.request.method", method)
                .attr("url.path", path)
                .attr("server.address", targetIp).attr("server.port", targetPort)
                .attr("network.protocol.name", "http").attr("network.protocol.version", "1.1")
                .attr("network.transport", "tcp")
                .attr("http.response.status_code", pod.status())
                .attr("pj.k8s.pod", pod.pod())
                .attr("pj.k8s.node", pod.node());
        (pod.steps() == null ? List.<String>of() : pod.steps()).forEach(s -> http.event(start, s));
        steps.add(http);

        Optional<String> albIp = alb.map(AlbForwarded::albNodeIp).flatMap(albNodes::privateIp);
        if (albIp.isEmpty()) {
            http.attr("pj.capture.note", "no packets: the ALB node's VPC address is not known to journey-log");
            return steps;
        }
        Endpoint from = new Endpoint(albIp.get(), context.ephemeralPort());
        Endpoint to = new Endpoint(targetIp, targetPort);
        http.attr("client.address", from.ip()).attr("client.port", from.port());
        MacAddress albMac = Frames.macOf(from.ip());
        MacAddress podMac = Frames.macOf(to.ip());
        byte[] request = request(method, path, ctx, alb.get(), traceId, start);
        long albSeq = context.uint32();
        long podSeq = context.uint32();
        http.packet(new CapturedPacket(start, CapturePoint.ALB_TO_TARGET, Frames.tcp(albMac, podMac, from, to, TTL,
                context.ipId(), Frames.Segment.data(albSeq, podSeq, 64240, request)),
                "HTTP " + method + " " + path + " to " + pod.pod()));
        if (hop.outcome().isOk() && pod.status() != null) {
            byte[] response = response(pod, hop.simEndedAt());
            http.packet(new CapturedPacket(hop.simEndedAt(), CapturePoint.ALB_TO_TARGET, Frames.tcp(podMac, albMac, to,
                    from, TTL, context.ipId(), Frames.Segment.data(podSeq, (albSeq + request.length) & 0xffffffffL,
                            64240, response)), pod.statusLine() != null ? pod.statusLine() : "HTTP " + pod.status()));
        }
        return steps;
    }

    private static byte[] request(String method, String path, JourneyContext ctx, AlbForwarded alb, String traceId,
                                  Instant at) {
        String proto = alb.listener() != null && alb.listener().startsWith("HTTPS") ? "https" : "http";
        String port = alb.listener() != null && alb.listener().contains(":")
                ? alb.listener().substring(alb.listener().indexOf(':') + 1) : String.valueOf(ctx.port());
        String client = ctx.publicSourceIp() != null ? ctx.publicSourceIp() : ctx.clientIp();
        StringBuilder r = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(ctx.host()).append("\r\n");
        if (client != null) {
            r.append("X-Forwarded-For: ").append(client.replaceFirst(":\\d+$", "")).append("\r\n");
        }
        r.append("X-Forwarded-Proto: ").append(proto).append("\r\n")
                .append("X-Forwarded-Port: ").append(port).append("\r\n")
                // Root=1-<epoch seconds, 8 hex digits>-<96 bits>: the journey's trace id carries the same bits
                .append("X-Amzn-Trace-Id: Root=1-").append(String.format("%08x", at.getEpochSecond())).append('-')
                .append(traceId.substring(8)).append("\r\n")
                .append("\r\n");
        return r.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] response(PodResponded pod, Instant at) {
        String status = pod.statusLine() != null ? pod.statusLine() : "HTTP/1.1 " + pod.status();
        String r = status + "\r\n"
                + (pod.server() == null ? "" : "Server: " + pod.server() + "\r\n")
                + "Date: " + HTTP_DATE.format(at) + "\r\n"
                + "Content-Length: 0\r\n"
                + "Connection: keep-alive\r\n"
                + "\r\n";
        return r.getBytes(StandardCharsets.US_ASCII);
    }
}

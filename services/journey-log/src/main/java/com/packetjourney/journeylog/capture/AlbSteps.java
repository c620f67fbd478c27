package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.hop.AlbForwarded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * At the load balancer, from the instant the SYN arrives: the rest of the TCP handshake (one round trip, RFC 9293
 * §3.5), the TLS handshake whose ClientHello rides right behind the client's ACK (one round trip in TLS 1.3, RFC
 * 8446 §2; two in TLS 1.2, RFC 5246 §7.3), then the rule evaluation and the choice of a target. A round trip is
 * twice the routing hop's one-way time, as the alb hop charges it; each segment is shown on both sides of the NAT.
 */
final class AlbSteps {
    private AlbSteps() {
    }

    static List<Step> of(CaptureContext context, HopEvent hop, AlbForwarded alb, Optional<TcpFlow> maybeFlow) {
        List<Step> steps = new ArrayList<>();
        Instant start = hop.simStartedAt();
        Instant end = hop.simEndedAt();
        if (maybeFlow.isEmpty()) {
            return steps;
        }
        TcpFlow flow = maybeFlow.get();
        long oneWay = flow.oneWayMicros;
        FailureCode failure = hop.outcome().isOk() ? null : hop.outcome().code();
        if (failure == FailureCode.ALB_NO_LISTENER) {
            Step refused = tcpStep("TCP connection refused (RST)", flow, start, Math.min(oneWay, hop.simLatencyMicros()));
            refused.attr("error.type", "connection_refused");
            flow.toLaptop(start, Frames.Segment.rstAck(flow.clientIsn + 1), "RST, ACK (no listener)").forEach(refused::packet);
            steps.add(refused);
            return steps;
        }
        if (flow.serverIsn == null) {
            return steps;
        }
        long clientNext = (flow.clientIsn + 1) & 0xffffffffL;
        long serverNext = (flow.serverIsn + 1) & 0xffffffffL;
        Step tcp = tcpStep("TCP handshake " + flow.client() + " → " + flow.server, flow, start,
                Math.min(2 * oneWay, hop.simLatencyMicros()));
        flow.toLaptop(start, Frames.Segment.synAck(flow.serverIsn, clientNext, flow.window, flow.mss),
                "SYN, ACK").forEach(tcp::packet);
        Instant clientAcks = CaptureContext.plus(start, oneWay);
        flow.toServer(clientAcks, Frames.Segment.ack(clientNext, serverNext, flow.window),
                "ACK").forEach(tcp::packet);
        steps.add(tcp);
        Instant after = tcp.end();

        boolean tlsListener = alb.tls() != null || failure == FailureCode.ALB_TLS_HANDSHAKE_FAILED
                || (alb.listener() != null && alb.listener().startsWith("HTTPS"));
        if (tlsListener) {
            AlbForwarded.Tls tls = alb.tls();
            Optional<Integer> version = TlsWire.version(tls == null ? null : tls.version());
            Optional<Integer> cipher = TlsWire.cipher(tls == null ? null : tls.cipher());
            String sni = tls != null ? tls.sni() : hop.context() == null ? null : hop.context().host();
            int roundTrips = version.orElse(TlsWire.TLS_1_3) == TlsWire.TLS_1_2 ? 2 : 1;
            Step handshake = Step.of("TLS handshake" + (sni == null ? "" : " " + sni), "tls", after,
                    Math.min(roundTrips * 2 * oneWay, Math.max(0, micros(after, end))))
                    .attr("tls.protocol.name", "tls")
                    .attr("tls.protocol.version", tls == null || tls.version() == null ? null
                            : tls.version().replaceFirst("(?i)^TLSv?", ""))
                    .attr("tls.cipher", tls == null ? null : tls.cipher())
                    .attr("tls.client.server_name", sni)
                    .attr("tls.next_protocol", tls == null ? null : tls.alpn())
                    .attr("tls.established", tls != null)
                    .attr("pj.tls.certificate_arn", tls == null ? null : tls.certificateArn())
                    .attr("pj.tls.certificate_match", tls == null ? null : tls.certificateMatch())
                    .attr("pj.tls.offered_versions", List.of("1.3", "1.2"))
                    .attr("pj.tls.offered_alpn", TlsWire.OFFERED_ALPN);
            byte[] sessionId = context.bytes(32);
            byte[] clientHello = TlsWire.clientHello(sni, context.bytes(32), sessionId, context.bytes(32),
                    cipher.orElse(null));
            flow.toServer(clientAcks, Frames.Segment.data(clientNext, serverNext, flow.window, clientHello),
                    "TLS ClientHello SNI " + sni + ",").forEach(handshake::packet);
            if (version.isPresent() && cipher.isPresent()) {
                byte[] serverHello = TlsWire.serverHello(version.get(), cipher.get(), tls.alpn(), context.bytes(32),
                        sessionId, context.bytes(32));
                flow.toLaptop(CaptureContext.plus(start, 2 * oneWay), Frames.Segment.data(serverNext,
                        (clientNext + clientHello.length) & 0xffffffffL, flow.window, serverHello),
                        "TLS ServerHello " + tls.version() + " " + tls.cipher() + ",").forEach(handshake::packet);
            }
            steps.add(handshake);
            after = handshake.end();
        }
        if (alb.rule() != null) {
            AlbForwarded.Target target = alb.target();
            Step rule = Step.of("rule " + alb.rule().priority() + (target == null ? "" : " → " + target.ip() + ":"
                    + target.port()), "alb", after, Math.max(0, micros(after, end)))
                    .attr("pj.alb.load_balancer", alb.loadBalancer())
                    .attr("pj.alb.listener", alb.listener())
                    .attr("pj.alb.rule.priority", alb.rule().priority())
                    .attr("pj.alb.rule.conditions", alb.rule().conditions())
                    .attr("pj.alb.rule.action", alb.rule().action())
                    .attr("pj.alb.target_group", alb.targetGroup())
                    .attr("pj.alb.algorithm", alb.algorithm());
            if (target != null) {
                rule.attr("pj.alb.target.address", target.ip()).attr("pj.alb.target.port", target.port())
                        .attr("pj.alb.target.pod", target.pod())
                        .attr("pj.alb.target.registered_by", target.registeredBy());
            }
            steps.add(rule);
        }
        return steps;
    }

    private static Step tcpStep(String name, TcpFlow flow, Instant start, long micros) {
        return Step.of(name, "tcp", start, micros)
                .attr("network.transport", "tcp")
                .attr("network.type", "ipv4")
                .attr("client.address", flow.client().ip()).attr("client.port", flow.client().port())
                .attr("server.address", flow.server.ip()).attr("server.port", flow.server.port())
                .attr("pj.nat", flow.natNote)
                .attr("pj.tcp.client_isn", flow.clientIsn)
                .attr("pj.tcp.server_isn", flow.serverIsn)
                .attr("pj.tcp.window", flow.window)
                .attr("pj.tcp.mss", flow.mss);
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }
}

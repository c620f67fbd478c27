package com.packetjourney.journeylog.capture;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.hop.PacketRouted;
import com.packetjourney.contracts.hop.PacketRouted.RouterHop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The browser's SYN on its way: one step per router that forwarded it, each taking the time of its link onwards, and
 * the SYN itself on the LAN as the laptop sends it and on the Internet side as it leaves the home router's NAT.
 */
final class RouteSteps {
    private RouteSteps() {
    }

    static List<Step> of(HopEvent hop, PacketRouted route, Optional<TcpFlow> flow) {
        List<Step> steps = new ArrayList<>();
        List<RouterHop> path = route.path() == null ? List.of() : route.path();
        Instant at = hop.simStartedAt();
        for (RouterHop router : path) {
            Step step = Step.of(router.router() + (router.nextHop() == null ? "" : " → " + router.nextHop()), "router",
                    at, router.latencyMicros())
                    .attr("pj.router.name", router.router())
                    .attr("pj.router.asn", router.asn())
                    .attr("pj.route.matched_prefix", router.matchedPrefix())
                    .attr("pj.route.next_hop", router.nextHop())
                    .attr("pj.route.via", router.via())
                    .attr("pj.bgp.as_path", router.asPath() == null || router.asPath().isEmpty() ? null
                            : router.asPath())
                    .attr("pj.ip.ttl", router.ttl())
                    .attr("pj.note", router.note());
            steps.add(step);
            at = step.end();
        }
        if (flow.isPresent() && !steps.isEmpty()) {
            TcpFlow tcp = flow.get();
            List<CapturedPacket> syn = tcp.toServer(hop.simStartedAt(), Frames.Segment.syn(tcp.clientIsn, tcp.window,
                    tcp.mss), "SYN");
            steps.get(0).packet(syn.get(0));
            if (syn.size() > 1) {
                // the rewritten SYN belongs to the router whose note is the NAT mapping
                steps.stream().filter(s -> tcp.natNote != null
                                && String.valueOf(s.attributes().get("pj.note")).contains(tcp.natNote)).findFirst()
                        .orElse(steps.get(0)).packet(syn.get(1));
            }
        }
        return steps;
    }
}

package com.packetjourney.cni.domain;

import java.util.List;

/**
 * The response's way back to the laptop, a leg of the journey of its own: out of the pod through its veth pair and
 * the node's ENI, across the VPC fabric to the ALB node that holds the client's connection, then from that node's
 * public address back across the Internet to the home router (the same one-way time as the way in), whose NAT
 * rewrites the destination back to the laptop's inside address and port (RFC 3022 §2.2) for the last LAN hop
 * (part of that one-way time, as on the way in).
 */
public record ResponseLeg(List<String> steps, long latencyMicros) {

    /**
     * @param internetOneWayMicros the way in's one-way time from the laptop to the ALB node (the route hop's)
     * @param clientOutside        the client as the ALB saw it, "ip:port" after NAT
     * @param clientInside         the laptop's own "ip:port"
     */
    public static ResponseLeg back(String pod, String podIp, String podZone, String albPrivateIp, String albPublicIp,
                                   String albZone, long internetOneWayMicros, String clientOutside,
                                   String clientInside) {
        long fabric = DataPath.fabricMicros(podZone, albZone);
        List<String> steps = List.of(
                pod + " " + podIp + " -> veth -> node ENI -> VPC fabric -> ALB node " + albPrivateIp + " (" + albZone
                        + (podZone != null && podZone.equals(albZone) ? ", same zone)" : ", from " + podZone + ")"),
                "ALB node " + albPublicIp + " -> Internet -> " + clientOutside + " (the way in, in reverse)",
                "home router NAT: destination " + clientOutside + " -> " + clientInside);
        return new ResponseLeg(steps, DataPath.VETH_MICROS + fabric + internetOneWayMicros);
    }
}

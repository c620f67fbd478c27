package com.packetjourney.bgp.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.hop.PacketRouted.RouterHop;

import java.util.List;

/**
 * Where the packet went: the routers in order, the home router's NAT mapping (null if the packet never got that
 * far), the AS_PATH of the route the ISP used, and the originating network reached, or the failure that stopped it
 * (with the routers up to there). {@code hijackWarning} is set when the ISP's route looks like a hijack
 * ({@link HijackSuspicion}).
 */
public record Trace(List<RouterHop> hops, String source, NatBinding nat, List<Long> ispAsPath,
                    String destinationPrefix, Long originAs, FailureCode failure, String failureMessage,
                    String hijackWarning) {

    public Trace {
        hops = List.copyOf(hops);
        ispAsPath = List.copyOf(ispAsPath);
    }

    /** The source address the packet carries on the Internet. */
    public String translatedSource() {
        return nat == null ? source : nat.outsideIp();
    }

    public boolean delivered() {
        return failure == null;
    }

    /** One-way latency: the sum of the legs the packet crossed. */
    public long latencyMicros() {
        return hops.stream().mapToLong(RouterHop::latencyMicros).sum();
    }
}

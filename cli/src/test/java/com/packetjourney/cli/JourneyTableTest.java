package com.packetjourney.cli;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.DnsResolved;
import com.packetjourney.contracts.hop.PacketRouted;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI prints for hops whose fields are legitimately empty: never the word "null". */
class JourneyTableTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final JourneyContext CONTEXT = JourneyContext.request("https://54.217.40.22/", "https",
            "54.217.40.22", 443, "/", "laptop", "3c:22:fb:7a:10:01");

    @Test
    void aJourneyToAnAddressLiteralSaysNoLookupWasNeeded() {
        HopEvent dns = HopEvent.first("j", T0, 0, T0, Outcome.ok(), CONTEXT, new DnsResolved("54.217.40.22", null,
                List.of(), List.of(), List.of("54.217.40.22"), "54.217.40.22", null));
        List<String> lines = JourneyTable.details(dns);
        assertThat(lines).noneMatch(l -> l.contains("null"));
        assertThat(lines).contains("54.217.40.22: no lookup, the URL names an address",
                "A 54.217.40.22 -> connect to 54.217.40.22");
    }

    @Test
    void aPacketWithoutARouteSaysSoAtTheRouterThatHadNone() {
        PacketRouted noRoute = new PacketRouted("192.168.1.100", "198.51.100.23:50123", "54.217.10.21", 443, "TCP",
                List.of(new PacketRouted.RouterHop("isp-edge-1", 64500L, null, null, null, List.of(), 62, 0,
                        "no route to 54.217.10.21 in AS64500's RIB")), List.of(), null, null);
        HopEvent route = HopEvent.first("j", T0, 0, T0, Outcome.failed(FailureCode.NO_ROUTE, "no route"), CONTEXT,
                noRoute);
        List<String> lines = JourneyTable.details(route);
        assertThat(lines).noneMatch(l -> l.contains("null"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("isp-edge-1").contains("no route to 54.217.10.21"));
        assertThat(lines).contains("no BGP route to 54.217.10.21");
    }
}

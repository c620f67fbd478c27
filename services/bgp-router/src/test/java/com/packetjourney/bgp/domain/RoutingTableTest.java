package com.packetjourney.bgp.domain;

import com.packetjourney.bgp.EksNginxScenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTableTest {
    private static String match(RoutingTable table, String ip) {
        return table.lookup(Ipv4.address(ip, "ip")).map(e -> e.prefix() + " via " + e.nextHop()).orElse("none");
    }

    @Test
    void theLaptopSendsItsLanDirectlyAndEverythingElseToTheGateway() {
        RoutingTable laptop = RoutingTable.host(EksNginxScenario.homeLan(), "192.168.1.1", "en0");
        assertThat(match(laptop, "192.168.1.20")).isEqualTo("192.168.1.0/24 via null");
        assertThat(match(laptop, "54.217.10.21")).isEqualTo("0.0.0.0/0 via 192.168.1.1");
    }

    @Test
    void withoutAGatewayOnlyTheLanIsReachable() {
        RoutingTable laptop = RoutingTable.host(EksNginxScenario.homeLan(), null, "en0");
        assertThat(match(laptop, "54.217.10.21")).isEqualTo("none");
    }

    @Test
    void theHomeRouterSendsEverythingButItsLanToTheIsp() {
        RoutingTable router = RoutingTable.homeRouter(EksNginxScenario.homeLan(), "lan0", "isp-edge-1", "wan0");
        assertThat(match(router, "192.168.1.100")).isEqualTo("192.168.1.0/24 via null");
        assertThat(match(router, "54.217.10.21")).isEqualTo("0.0.0.0/0 via isp-edge-1");
    }

    @Test
    void theLongestPrefixWinsWhateverTheOrderOfTheRoutes() {
        RoutingTable table = new RoutingTable(List.of(
                new RoutingTable.Entry(Ipv4.prefix("10.0.0.0/8"), "a", "eth0"),
                new RoutingTable.Entry(Ipv4.prefix("10.1.2.0/24"), "c", "eth0"),
                new RoutingTable.Entry(Ipv4.prefix("10.1.0.0/16"), "b", "eth0")));
        assertThat(match(table, "10.1.2.3")).endsWith("via c");
        assertThat(match(table, "10.1.3.3")).endsWith("via b");
        assertThat(match(table, "10.2.0.1")).endsWith("via a");
    }
}

package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What `world` prints for the changes the services report, and for their refusals. */
class WorldCommandTest {
    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }

    @Test
    void aBgpChangeSaysWhatTheAsNowOriginates() {
        assertThat(WorldCommand.describe(json("""
                {"asn":16509,"change":"withdrawn","prefix":"54.216.0.0/15",
                 "originates":["205.251.192.0/21","205.251.240.0/22"],"topic":"pj.world.autonomous-systems",
                 "applied":true}""")))
                .isEqualTo("AS16509 withdrew 54.216.0.0/15; it now originates 205.251.192.0/21, 205.251.240.0/22 "
                        + "(written to pj.world.autonomous-systems; the service has applied it)");
    }

    @Test
    void aPoolChangeAndAReleaseSayWhatTheLanNowHas() {
        assertThat(WorldCommand.describe(json("""
                {"lan":"home","cidr":"192.168.1.0/24","poolStart":"192.168.1.100","poolEnd":"192.168.1.100",
                 "leaseSeconds":86400,"size":1,"topic":"pj.world.lans","applied":false}""")))
                .isEqualTo("LAN home now leases 192.168.1.100-192.168.1.100 (1 address) for 86400 s "
                        + "(written to pj.world.lans; the service has not applied it yet)");
        assertThat(WorldCommand.describe(json("""
                {"lan":"home","clientMac":"3c:22:fb:7a:10:01","address":"192.168.1.100",
                 "topic":"pj.world.dhcp-leases","applied":true}""")))
                .startsWith("3c:22:fb:7a:10:01 released 192.168.1.100 on LAN home");
    }

    @Test
    void aZoneEditShowsTheZoneAndAFlushItsInstant() {
        assertThat(WorldCommand.describe(json(
                "{\"origin\":\"packet-journey.com.\",\"servers\":[],\"masterFile\":\"@ 300 IN A 192.0.2.1\\n\"}")))
                .isEqualTo("zone packet-journey.com. is now:\n@ 300 IN A 192.0.2.1");
        assertThat(WorldCommand.describe(json("{\"level\":\"all\",\"at\":\"2026-01-01T09:02:00Z\"}")))
                .isEqualTo("flushed the all DNS caches as of 2026-01-01T09:02:00Z; journeys after that instant "
                        + "resolve afresh");
    }

    @Test
    void aNewDeviceSaysWhichLanItJoined() {
        assertThat(WorldCommand.describe(json("""
                {"name":"phone","mac":"3c:22:fb:7a:10:02","lan":"home","topic":"pj.world.clients","applied":true}
                """))).isEqualTo("phone (3c:22:fb:7a:10:02) joined LAN home (written to pj.world.clients; the "
                + "service has applied it)");
    }

    @Test
    void otherAnswersArePrintedAsTheirJson() {
        assertThat(WorldCommand.describe(json("{\"flushed\":3}"))).isEqualTo("{\"flushed\":3}");
    }
}

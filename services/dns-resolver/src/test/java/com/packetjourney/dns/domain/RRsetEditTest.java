package com.packetjourney.dns.domain;

import com.packetjourney.contracts.Refused;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RRsetEditTest {
    private static final Zone ZONE = Zone.parse(TestZones.PACKET_JOURNEY.origin(),
            TestZones.PACKET_JOURNEY.masterFile(), TestZones.PACKET_JOURNEY.aliases());
    private static final String WWW_CNAME =
            "www.packet-journey.com. 300 IN CNAME k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb.amazonaws.com.";

    private static void rejected(Runnable edit, String field, String detail) {
        assertThatThrownBy(edit::run).isInstanceOfSatisfying(Refused.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void anRrsetIsReplacedAndTheMasterFileRegeneratedInCanonicalOrder() {
        Zone edited = RRsetEdit.replace(ZONE, "shop.packet-journey.com.", "A", 300L, List.of("1.2.3.4", "1.2.3.5"));
        assertThat(edited.masterFile()).isEqualTo("""
                packet-journey.com. 300 IN SOA ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 300
                packet-journey.com. 300 IN NS ns-1.awsdns-01.org.
                shop.packet-journey.com. 300 IN A 1.2.3.4
                shop.packet-journey.com. 300 IN A 1.2.3.5
                """ + WWW_CNAME + "\n");
        assertThat(edited.aliases()).isEqualTo(ZONE.aliases());
        // replacing again (a relative name, a new TTL) leaves one RRset; the text reads back to the same zone
        Zone again = RRsetEdit.replace(edited, "shop", "a", 60L, List.of("192.0.2.7", "192.0.2.7"));
        assertThat(again.rrset(Name.fromConstantString("shop.packet-journey.com."), Type.A))
                .extracting(Record::rdataToString, Record::getTTL)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.7", 60L));
        assertThat(Zone.parse("packet-journey.com.", again.masterFile()).masterFile()).isEqualTo(again.masterFile());
    }

    @Test
    void theSameRecordsWrittenInAnotherOrderGiveTheSameText() {
        Zone reordered = Zone.parse("packet-journey.com.", """
                $TTL 300
                www    IN CNAME k8s-default-nginx-7f3c2a9d41-1580326213.eu-west-1.elb.amazonaws.com.
                @      IN NS   ns-1.awsdns-01.org.
                @      IN SOA  ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 300
                """);
        assertThat(reordered.masterFile()).isEqualTo(ZONE.masterFile());
    }

    @Test
    void everyFieldIsValidatedByItsName() {
        rejected(() -> RRsetEdit.replace(ZONE, "bad..name", "A", 60L, List.of("1.2.3.4")), "name",
                "'bad..name' is not a domain name");
        rejected(() -> RRsetEdit.replace(ZONE, "www.example.com.", "A", 60L, List.of("1.2.3.4")), "name",
                "www.example.com. is outside zone packet-journey.com.");
        rejected(() -> RRsetEdit.replace(ZONE, null, "A", 60L, List.of("1.2.3.4")), "name", "missing");
        rejected(() -> RRsetEdit.replace(ZONE, "shop", "BOGUS", 60L, List.of("1.2.3.4")), "type",
                "'BOGUS' is not an RR type");
        rejected(() -> RRsetEdit.replace(ZONE, "shop", "ANY", 60L, List.of("1.2.3.4")), "type", "not an RR type");
        rejected(() -> RRsetEdit.replace(ZONE, "shop", "A", -1L, List.of("1.2.3.4")), "ttl", "RFC 2181 §8");
        rejected(() -> RRsetEdit.replace(ZONE, "shop", "A", 2_147_483_648L, List.of("1.2.3.4")), "ttl", "0 to");
        rejected(() -> RRsetEdit.replace(ZONE, "shop", "A", null, List.of("1.2.3.4")), "ttl", "TTL");
        rejected(() -> RRsetEdit.replace(ZONE, "shop", "A", 60L, List.of()), "values", "at least one value");
        rejected(() -> RRsetEdit.replace(ZONE, "shop", "A", 60L, List.of("1.2.3.4", "not-an-ip")), "values",
                "values[1] 'not-an-ip' is not A data");
        rejected(() -> RRsetEdit.replace(ZONE, "shop", "CNAME", 60L, List.of("a.example.", "b.example.")), "values",
                "at most one CNAME");
        rejected(() -> RRsetEdit.replace(ZONE, "shop", "SOA", 60L,
                List.of("ns. admin. 1 2 3 4 5")), "name", "the SOA belongs at the zone's origin");
    }

    @Test
    void aCnameStaysAloneAtItsName() {
        // RFC 1034 §3.6.2, RFC 2181 §10.1: no CNAME beside other data, so none at the apex (SOA, NS, the alias)
        rejected(() -> RRsetEdit.replace(ZONE, "@", "CNAME", 300L, List.of("elsewhere.example.")), "type",
                "packet-journey.com. already has A, NS, SOA; a CNAME must be the only data at its name");
        rejected(() -> RRsetEdit.replace(ZONE, "www", "A", 300L, List.of("192.0.2.1")), "type",
                "www.packet-journey.com. already has CNAME");
        rejected(() -> RRsetEdit.replace(ZONE, "www", "TXT", 300L, List.of("\"hello\"")), "type", "already has CNAME");
        // replacing the CNAME itself is fine
        Zone moved = RRsetEdit.replace(ZONE, "www", "CNAME", 300L, List.of("elsewhere.example."));
        assertThat(moved.rrset(Name.fromConstantString("www.packet-journey.com."), Type.CNAME))
                .extracting(Record::rdataToString).containsExactly("elsewhere.example.");
    }

    @Test
    void anRrsetIsRemovedButOnlyIfItExistsAndNeverTheSoa() {
        Zone without = RRsetEdit.remove(ZONE, "www.packet-journey.com.", "CNAME");
        assertThat(without.masterFile()).doesNotContain("CNAME");
        assertThatThrownBy(() -> RRsetEdit.remove(ZONE, "shop.packet-journey.com.", "A"))
                .isInstanceOf(Refused.class)
                .hasMessage("shop.packet-journey.com. has no A RRset in zone packet-journey.com.");
        rejected(() -> RRsetEdit.remove(ZONE, "@", "SOA"), "type", "cannot lose its SOA");
        rejected(() -> RRsetEdit.remove(ZONE, "www", "NOPE"), "type", "not an RR type");
    }
}

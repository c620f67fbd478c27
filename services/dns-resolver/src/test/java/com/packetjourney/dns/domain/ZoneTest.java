package com.packetjourney.dns.domain;

import com.packetjourney.contracts.world.DnsZone.AliasRecord;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ZoneTest {
    private static final Zone APPS = Zone.parse("example.", """
            $TTL 300
            @         IN SOA ns.example. admin.example. 1 7200 900 1209600 120
            @         IN NS  ns.example.
            ns        IN A   192.0.2.53
            *.apps    IN A   192.0.2.80
            api.apps  IN A   192.0.2.81
            """);

    private static Name name(String s) {
        return Name.fromConstantString(s);
    }

    @Test
    void aWildcardAnswersForNamesThatDoNotExistWithTheQueryNameAsOwner() {
        // RFC 1034 §4.3.2 step 3c
        Lookup lookup = APPS.lookup(name("shop.apps.example."), Type.A);
        assertThat(lookup).isInstanceOfSatisfying(Lookup.Answer.class, a -> assertThat(a.rrset())
                .extracting(Record::getName, Record::rdataToString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(name("shop.apps.example."), "192.0.2.80")));
        // an existing name is not covered by the wildcard
        assertThat(APPS.lookup(name("api.apps.example."), Type.A)).isInstanceOfSatisfying(Lookup.Answer.class,
                a -> assertThat(a.rrset()).extracting(Record::rdataToString).containsExactly("192.0.2.81"));
        // nor is a name further from the wildcard's parent than one label
        assertThat(APPS.lookup(name("www.example."), Type.A)).isInstanceOf(Lookup.NameError.class);
    }

    @Test
    void aZoneHoldsNoDataOutsideItSoItsGlueIsWithinItsBailiwick() {
        // RFC 2181 §5.4.1: com.'s servers cannot vouch for ns-1.awsdns-01.org.'s address; its referral has no glue
        assertThatThrownBy(() -> Zone.parse("com.", TestZones.COM.masterFile()
                + "ns-1.awsdns-01.org. IN A 205.251.192.1\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zone com.: ns-1.awsdns-01.org. A is outside the zone")
                .hasMessageContaining("RFC 2181 §5.4.1");
        Zone com = Zone.parse(TestZones.COM.origin(), TestZones.COM.masterFile());
        assertThat(com.lookup(name("www.packet-journey.com."), Type.A)).isInstanceOfSatisfying(Lookup.Referral.class,
                r -> assertThat(r.glue()).isEmpty());
        // within the zone, the address of amazonaws.com.'s server is given as glue
        assertThat(com.lookup(name("amazonaws.com."), Type.A)).isInstanceOfSatisfying(Lookup.Referral.class,
                r -> assertThat(r.glue()).extracting(Record::rdataToString).containsExactly("205.251.242.103"));
    }

    @Test
    void aCnameBesideOtherDataIsRefusedAsRfc1034And2181Say() {
        String soaAndNs = """
                $TTL 300
                @      IN SOA  ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 300
                @      IN NS   ns-1.awsdns-01.org.
                """;
        // the scenario's apex as it once was
        assertThatThrownBy(() -> Zone.parse("packet-journey.com.", soaAndNs + "@ IN CNAME " + TestZones.ALB_NAME + "\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("packet-journey.com. has a CNAME and other data (NS, SOA)")
                .hasMessageContaining("RFC 1034 §3.6.2, RFC 2181 §10.1").hasMessageContaining("use an alias record");
        assertThatThrownBy(() -> Zone.parse("packet-journey.com.", soaAndNs + "www IN CNAME a.example.\n"
                + "www IN MX 10 mail.example.\n")).hasMessageContaining("www.packet-journey.com. has a CNAME and other data (MX)");
        assertThatThrownBy(() -> Zone.parse("packet-journey.com.", soaAndNs + "www IN CNAME a.example.\n"
                + "www IN CNAME b.example.\n")).hasMessageContaining("2 CNAME records; a name has one at most");
        assertThatThrownBy(() -> Zone.parse("packet-journey.com.", soaAndNs + "www IN CNAME a.example.\n",
                List.of(new AliasRecord("www", "A", TestZones.ALB_NAME))))
                .hasMessageContaining("CNAME and other data (A (alias))");
    }

    @Test
    void theApexAliasIsAnsweredWithTheTargetsRecordsAndTtlUnderTheApexsName() {
        // Route 53 Developer Guide: an alias at the zone apex, answered like the target's A records
        Zone zone = Zone.parse(TestZones.PACKET_JOURNEY.origin(), TestZones.PACKET_JOURNEY.masterFile(),
                TestZones.PACKET_JOURNEY.aliases());
        Zone amazonaws = Zone.parse(TestZones.AMAZONAWS.origin(), TestZones.AMAZONAWS.masterFile());
        AliasTargets targets = (target, type) -> ((Lookup.Answer) amazonaws.lookup(target, type)).rrset();
        assertThat(zone.lookup(name("packet-journey.com."), Type.A, targets)).isInstanceOfSatisfying(Lookup.Answer.class,
                a -> assertThat(a.rrset()).extracting(r -> r.getName().toString(), Record::getTTL, Record::rdataToString)
                        .containsExactly(tuple("packet-journey.com.", 60L, "54.217.10.21"),
                                tuple("packet-journey.com.", 60L, "54.217.40.22")));
        assertThat(zone.aliases()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo(name("packet-journey.com."));
            assertThat(a.target()).isEqualTo(name(TestZones.ALB_NAME));
        });
    }

    @Test
    void anAliasMustBeOfAnAddressTypeWithAnAbsoluteTargetInsideTheZone() {
        String soa = "@ 300 IN SOA ns. admin. 1 2 3 4 5\n";
        assertThatThrownBy(() -> Zone.parse("example.", soa, List.of(new AliasRecord("@", "MX", "lb.example.net."))))
                .hasMessageContaining("of type A or AAAA");
        assertThatThrownBy(() -> Zone.parse("example.", soa, List.of(new AliasRecord("@", "A", "lb.example"))))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> Zone.parse("example.", soa, List.of(new AliasRecord("www.other.", "A", "lb.net."))))
                .hasMessageContaining("outside the zone");
        assertThatThrownBy(() -> Zone.parse("example.", soa + "@ 300 IN A 192.0.2.1\n",
                List.of(new AliasRecord("@", "A", "lb.net.")))).hasMessageContaining("both an A alias and A records");
    }

    @Test
    void namesAreCaseInsensitive() {
        Zone zone = Zone.parse(TestZones.AMAZONAWS.origin(), TestZones.AMAZONAWS.masterFile());
        assertThat(zone.lookup(name(TestZones.ALB_NAME.toUpperCase()), Type.A)).isInstanceOf(Lookup.Answer.class);
    }

    @Test
    void aMasterFileMustParseAndHaveItsSoa() {
        assertThatThrownBy(() -> Zone.parse("example.", "$TTL 60\n@ IN NS ns.example.\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no SOA");
        assertThatThrownBy(() -> Zone.parse("example.", "@ IN SOA ns.example. admin.example. 1 2 3\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad master file");
        assertThatThrownBy(() -> Zone.parse("exa..mple", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a domain name");
    }
}

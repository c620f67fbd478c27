package com.packetjourney.dns.domain;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void outOfZoneAddressesServeOnlyAsGlue() {
        Zone com = Zone.parse(TestZones.COM.origin(), TestZones.COM.masterFile());
        assertThat(com.encloses(name("ns-1.awsdns-01.org."))).isFalse();
        assertThat(com.lookup(name("www.packet-journey.com."), Type.A)).isInstanceOfSatisfying(Lookup.Referral.class,
                r -> assertThat(r.glue()).extracting(Record::rdataToString).containsExactly("205.251.192.1"));
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

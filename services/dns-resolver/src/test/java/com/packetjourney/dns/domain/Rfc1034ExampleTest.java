package com.packetjourney.dns.domain;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of RFC 1034 §6: the root and EDU zones of §6.1 and the standard queries of §6.2 sent to C.ISI.EDU,
 * which serves both zones.
 */
class Rfc1034ExampleTest {
    private static final String ROOT_ZONE = """
            .       IN      SOA     SRI-NIC.ARPA. HOSTMASTER.SRI-NIC.ARPA. (
                                    870611          ;serial
                                    1800            ;refresh every 30 min
                                    300             ;retry every 5 min
                                    604800          ;expire after a week
                                    86400)          ;minimum of a day
                            NS      A.ISI.EDU.
                            NS      C.ISI.EDU.
                            NS      SRI-NIC.ARPA.

            MIL.    86400   NS      SRI-NIC.ARPA.
                    86400   NS      A.ISI.EDU.

            EDU.    86400   NS      SRI-NIC.ARPA.
                    86400   NS      C.ISI.EDU.

            SRI-NIC.ARPA.   A       26.0.0.73
                            A       10.0.0.51
                            MX      0 SRI-NIC.ARPA.
                            HINFO   DEC-2060 TOPS20

            ACC.ARPA.       A       26.6.0.65
                            HINFO   PDP-11/70 UNIX
                            MX      10 ACC.ARPA.

            USC-ISIC.ARPA.  CNAME   C.ISI.EDU.

            73.0.0.26.IN-ADDR.ARPA.  PTR    SRI-NIC.ARPA.
            65.0.6.26.IN-ADDR.ARPA.  PTR    ACC.ARPA.
            51.0.0.10.IN-ADDR.ARPA.  PTR    SRI-NIC.ARPA.
            52.0.0.10.IN-ADDR.ARPA.  PTR    C.ISI.EDU.

            103.0.3.26.IN-ADDR.ARPA. PTR    A.ISI.EDU.

            A.ISI.EDU. 86400 A      26.3.0.103
            C.ISI.EDU. 86400 A      10.0.0.52
            """;

    private static final String EDU_ZONE = """
            EDU.  IN SOA SRI-NIC.ARPA. HOSTMASTER.SRI-NIC.ARPA. (
                                    870729 ;serial
                                    1800 ;refresh every 30 minutes
                                    300 ;retry every 5 minutes
                                    604800 ;expire after a week
                                    86400 ;minimum of a day
                                    )
                            NS SRI-NIC.ARPA.
                            NS C.ISI.EDU.

            UCI 172800 NS ICS.UCI
                            172800 NS ROME.UCI
            ICS.UCI 172800 A 192.5.19.1
            ROME.UCI 172800 A 192.5.19.31

            ISI 172800 NS VAXA.ISI
                            172800 NS A.ISI
                            172800 NS VENERA.ISI.EDU.
            VAXA.ISI 172800 A 10.2.0.27
                            172800 A 128.9.0.33
            VENERA.ISI.EDU. 172800 A 10.1.0.52
                            172800 A 128.9.0.32
            A.ISI 172800 A 26.3.0.103
            """;

    private final AuthoritativeServer cIsiEdu = new AuthoritativeServer(Name.fromConstantString("C.ISI.EDU."),
            "10.0.0.52", 1000, List.of(Zone.parse(".", ROOT_ZONE), Zone.parse("EDU.", EDU_ZONE)));

    private Message ask(String qname, int qtype) {
        Message query = new Message(1);
        query.addRecord(Record.newRecord(Name.fromConstantString(qname), qtype, DClass.IN), Section.QUESTION);
        Message response = cIsiEdu.respond(query);
        assertThat(response.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(response.getHeader().getID()).isEqualTo(1);
        return response;
    }

    private static List<String> section(Message m, int section) {
        return m.getSection(section).stream().map(r -> r.getName() + " " + r.getTTL() + " " + Type.string(r.getType())
                + " " + r.rdataToString()).toList();
    }

    @Test
    void section621AnAuthoritativeAnswer() {
        Message r = ask("SRI-NIC.ARPA.", Type.A);
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(section(r, Section.ANSWER))
                .containsExactly("SRI-NIC.ARPA. 86400 A 26.0.0.73", "SRI-NIC.ARPA. 86400 A 10.0.0.51");
        assertThat(r.getSection(Section.AUTHORITY)).isEmpty();
    }

    @Test
    void section624TheNameExistsButHasNoDataOfTheType() {
        Message r = ask("SRI-NIC.ARPA.", Type.NS);
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        // RFC 2308 §2.2 adds the zone's SOA to what RFC 1034 shows, so resolvers can cache the NODATA.
        assertThat(section(r, Section.AUTHORITY)).containsExactly(
                ". 86400 SOA SRI-NIC.ARPA. HOSTMASTER.SRI-NIC.ARPA. 870611 1800 300 604800 86400");
    }

    @Test
    void section625AMistypedNameDoesNotExist() {
        Message r = ask("SIR-NIC.ARPA.", Type.A);
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(r.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        assertThat(section(r, Section.AUTHORITY)).containsExactly(
                ". 86400 SOA SRI-NIC.ARPA. HOSTMASTER.SRI-NIC.ARPA. 870611 1800 300 604800 86400");
    }

    @Test
    void section626ANameBelowAZoneCutIsReferred() {
        Message r = ask("BRL.MIL.", Type.A);
        assertThat(r.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        assertThat(section(r, Section.AUTHORITY))
                .containsExactly("MIL. 86400 NS SRI-NIC.ARPA.", "MIL. 86400 NS A.ISI.EDU.");
        assertThat(section(r, Section.ADDITIONAL)).containsExactlyInAnyOrder(
                "A.ISI.EDU. 86400 A 26.3.0.103", "SRI-NIC.ARPA. 86400 A 26.0.0.73", "SRI-NIC.ARPA. 86400 A 10.0.0.51");
    }

    @Test
    void section627AnAliasIsFollowedIntoTheServersOtherZoneWhereItMeetsACut() {
        Message r = ask("USC-ISIC.ARPA.", Type.A);
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(section(r, Section.ANSWER)).containsExactly("USC-ISIC.ARPA. 86400 CNAME C.ISI.EDU.");
        assertThat(section(r, Section.AUTHORITY)).containsExactly("ISI.EDU. 172800 NS VAXA.ISI.EDU.",
                "ISI.EDU. 172800 NS A.ISI.EDU.", "ISI.EDU. 172800 NS VENERA.ISI.EDU.");
        assertThat(section(r, Section.ADDITIONAL)).containsExactlyInAnyOrder(
                "VAXA.ISI.EDU. 172800 A 10.2.0.27", "VAXA.ISI.EDU. 172800 A 128.9.0.33",
                "VENERA.ISI.EDU. 172800 A 10.1.0.52", "VENERA.ISI.EDU. 172800 A 128.9.0.32",
                "A.ISI.EDU. 172800 A 26.3.0.103");
        assertThat(RecursiveResolver.classify(r, Name.fromConstantString("USC-ISIC.ARPA."))).isEqualTo(Step.Kind.CNAME);
    }

    @Test
    void section628AskingForTheCnameItselfGetsOnlyTheCname() {
        Message r = ask("USC-ISIC.ARPA.", Type.CNAME);
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(section(r, Section.ANSWER)).containsExactly("USC-ISIC.ARPA. 86400 CNAME C.ISI.EDU.");
        assertThat(r.getSection(Section.AUTHORITY)).isEmpty();
    }

    @Test
    void aServerRefusesNamesOutsideItsZones() {
        AuthoritativeServer eduOnly = new AuthoritativeServer(Name.fromConstantString("C.ISI.EDU."), "10.0.0.52",
                1000, List.of(Zone.parse("EDU.", EDU_ZONE)));
        Message query = new Message(7);
        query.addRecord(Record.newRecord(Name.fromConstantString("BRL.MIL."), Type.A, DClass.IN), Section.QUESTION);
        assertThat(eduOnly.respond(query).getRcode()).isEqualTo(Rcode.REFUSED);
    }
}

package com.packetjourney.dns.domain;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

import java.util.List;

/** What one zone holds for a question (RFC 1034 §4.3.2 step 3), and where it goes in the response message. */
public sealed interface Lookup {

    void addTo(Message response);

    /** Authoritative data matching name and type. */
    record Answer(List<Record> rrset) implements Lookup {
        @Override
        public void addTo(Message response) {
            rrset.forEach(r -> response.addRecord(r, Section.ANSWER));
        }
    }

    /** The name is an alias; the server restarts the query at the canonical name (step 3a). */
    record Alias(CNAMERecord cname) implements Lookup {
        @Override
        public void addTo(Message response) {
            response.addRecord(cname, Section.ANSWER);
        }
    }

    /** The name lies below a zone cut: the child's NS RRset and the glue addresses the zone holds (step 3b). */
    record Referral(List<Record> ns, List<Record> glue) implements Lookup {
        @Override
        public void addTo(Message response) {
            ns.forEach(r -> response.addRecord(r, Section.AUTHORITY));
            glue.forEach(r -> response.addRecord(r, Section.ADDITIONAL));
        }
    }

    /** The name does not exist (NXDOMAIN); the SOA lets resolvers cache that (RFC 2308 §2.1). */
    record NameError(SOARecord soa) implements Lookup {
        @Override
        public void addTo(Message response) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            response.addRecord(soa, Section.AUTHORITY);
        }
    }

    /** The name exists but has no data of the type (RFC 2308 §2.2). */
    record NoData(SOARecord soa) implements Lookup {
        @Override
        public void addTo(Message response) {
            response.addRecord(soa, Section.AUTHORITY);
        }
    }
}

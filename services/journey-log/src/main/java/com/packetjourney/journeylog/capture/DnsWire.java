package com.packetjourney.journeylog.capture;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The laptop's stub query to its DNS server and the answer it gets (RFC 1035 §4.1), encoded with dnsjava. The
 * resolver's own queries need nothing here: the dns-resolver hop records their wire bytes.
 */
final class DnsWire {
    static final int PORT = 53;

    private DnsWire() {
    }

    /** The question as the hop writes it, "packet-journey.com. IN A". */
    record Question(Name name, int type) {
        static Question parse(String text) {
            String[] tokens = text.trim().split("\\s+");
            try {
                Name name = Name.fromString(tokens[0], Name.root);
                int type = tokens.length > 1 ? Type.value(tokens[tokens.length - 1]) : Type.A;
                return new Question(name, type < 0 ? Type.A : type);
            } catch (TextParseException e) {
                throw new IllegalArgumentException("not a DNS question: " + text, e);
            }
        }
    }

    /** A recursive query (RD set, RFC 1035 §4.1.1), as a stub resolver sends it. */
    static byte[] query(int id, Question question) {
        Message query = Message.newQuery(Record.newRecord(question.name(), question.type(), DClass.IN));
        query.getHeader().setID(id);
        return query.toWire();
    }

    /** The forwarder's answer: recursion desired and available, {@code rcode}, the records the laptop cached. */
    static byte[] answer(int id, Question question, int rcode, List<Record> answers, List<Record> authority) {
        Message answer = new Message(id);
        Header header = answer.getHeader();
        header.setFlag(Flags.QR);
        header.setFlag(Flags.RD);
        header.setFlag(Flags.RA);
        header.setRcode(rcode);
        answer.addRecord(Record.newRecord(question.name(), question.type(), DClass.IN), Section.QUESTION);
        answers.forEach(r -> answer.addRecord(r, Section.ANSWER));
        authority.forEach(r -> answer.addRecord(r, Section.AUTHORITY));
        return answer.toWire();
    }

    /** Records in master-file text (RFC 1035 §5), one per line, as the hop's cache fills hold them. */
    static List<Record> records(List<String> lines) {
        List<Record> records = new ArrayList<>();
        byte[] text = String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
        try (Master master = new Master(new ByteArrayInputStream(text), Name.root)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable records " + lines + ": " + e.getMessage(), e);
        }
        return records;
    }

    static byte[] decode(String base64) {
        return base64 == null ? null : Base64.getDecoder().decode(base64);
    }

    /** The message id of wire bytes (their first two octets). */
    static int id(byte[] wire) {
        return ((wire[0] & 0xff) << 8) | (wire[1] & 0xff);
    }
}

package com.packetjourney.alb.domain;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TcpHandshakeTest {

    @Test
    void eachSideAcknowledgesTheOthersIsnPlusOne() {
        TcpHandshake handshake = new TcpHandshake("198.51.100.23:51514", "54.217.10.21:443", 1000, 4294967295L);
        assertThat(handshake.lines()).containsExactly(
                "SYN 198.51.100.23:51514 > 54.217.10.21:443 seq=1000 win=64240 mss=1460",
                "SYN-ACK 54.217.10.21:443 > 198.51.100.23:51514 seq=4294967295 ack=1001 win=64240 mss=1460",
                "ACK 198.51.100.23:51514 > 54.217.10.21:443 seq=1001 ack=0 win=64240");
    }

    @Test
    void initialSequenceNumbersAreSeededAnd32Bit() {
        TcpHandshake a = TcpHandshake.between("c:1", "s:2", new SplittableRandom(42));
        TcpHandshake b = TcpHandshake.between("c:1", "s:2", new SplittableRandom(42));
        assertThat(a).isEqualTo(b);
        assertThat(a.clientIsn()).isBetween(0L, 0xffffffffL);
        assertThat(a.serverIsn()).isBetween(0L, 0xffffffffL).isNotEqualTo(a.clientIsn());
    }
}

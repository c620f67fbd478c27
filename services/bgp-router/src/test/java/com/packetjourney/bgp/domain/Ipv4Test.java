package com.packetjourney.bgp.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv4Test {
    @Test
    void onlyDottedQuadsAreAddresses() {
        assertThat(Ipv4.address("54.217.10.21")).get().hasToString("54.217.10.21");
        assertThat(Ipv4.address("10.1")).isEmpty();
        assertThat(Ipv4.address("1.2.3.4/8")).isEmpty();
        assertThat(Ipv4.address("1.2.3.*")).isEmpty();
        assertThat(Ipv4.address("::1")).isEmpty();
        assertThat(Ipv4.address("not-an-ip")).isEmpty();
        assertThat(Ipv4.address("")).isEmpty();
    }

    @Test
    void prefixesAreNormalisedToTheirBlock() {
        assertThat(Ipv4.prefix("54.216.0.0/15").toString()).isEqualTo("54.216.0.0/15");
        assertThat(Ipv4.prefix("54.217.1.2/15").toString()).isEqualTo("54.216.0.0/15");
        assertThatThrownBy(() -> Ipv4.prefix("54.216.0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4.prefix("54.216.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}

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

    @Test
    void anExactPrefixHasNoHostBitsSet() {
        assertThat(Ipv4.exactPrefix(" 54.217.40.0/24 ").toString()).isEqualTo("54.217.40.0/24");
        assertThat(Ipv4.exactPrefix("0.0.0.0/0").toString()).isEqualTo("0.0.0.0/0");
        assertThatThrownBy(() -> Ipv4.exactPrefix("54.217.40.22/24")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host bits").hasMessageContaining("54.217.40.0/24");
        assertThatThrownBy(() -> Ipv4.exactPrefix("54.217.40/24")).isInstanceOf(IllegalArgumentException.class);
    }
}

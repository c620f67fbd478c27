package com.packetjourney.dhcp.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MacAddressTest {
    @Test
    void colonsOrHyphensAnyCaseBecomeLowerCaseColons() {
        assertThat(MacAddress.normalize("3c:22:fb:7a:10:01")).contains("3c:22:fb:7a:10:01");
        assertThat(MacAddress.normalize(" 3C-22-FB-7A-10-01 ")).contains("3c:22:fb:7a:10:01");
    }

    @Test
    void anythingButSixOctetsIsNoMacAddress() {
        assertThat(MacAddress.normalize("3c:22:fb:7a:10")).isEmpty();
        assertThat(MacAddress.normalize("3c:22:fb:7a:10:01:02")).isEmpty();
        assertThat(MacAddress.normalize("3c22.fb7a.1001")).isEmpty();
        assertThat(MacAddress.normalize("zz:22:fb:7a:10:01")).isEmpty();
        assertThat(MacAddress.normalize(null)).isEmpty();
    }
}

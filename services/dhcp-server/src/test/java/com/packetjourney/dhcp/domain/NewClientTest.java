package com.packetjourney.dhcp.domain;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.world.ClientDevice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewClientTest {
    private static final List<ClientDevice> WORLD = List.of(new ClientDevice("laptop", "3c:22:fb:7a:10:01", "home"));

    private static void refused(String name, String mac, String lan, String field, boolean conflict, String detail) {
        assertThatThrownBy(() -> NewClient.of(name, mac, lan, WORLD, Set.of("home")))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.kind()).isEqualTo(conflict ? Refused.Kind.CONFLICT : Refused.Kind.INVALID);
                }).hasMessageContaining(detail);
    }

    @Test
    void aDeviceJoinsWithItsNameAndMacWrittenAsDhcpCarriesThem() {
        assertThat(NewClient.of("Phone", "3C-22-FB-7A-10-02", "home", WORLD, Set.of("home")))
                .isEqualTo(new ClientDevice("phone", "3c:22:fb:7a:10:02", "home"));
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        refused("my phone", "3c:22:fb:7a:10:02", "home", "name", false, "RFC 1123");
        refused("-phone", "3c:22:fb:7a:10:02", "home", "name", false, "not a host name");
        refused("phone", "3c:22:fb:7a:10", "home", "mac", false, "not a MAC address");
        // 01:00:5e:... is IPv4 multicast's range: the I/G bit is set
        refused("phone", "01:00:5e:00:00:fb", "home", "mac", false, "group (multicast)");
        assertThatThrownBy(() -> NewClient.of("phone", "3c:22:fb:7a:10:02", "office", WORLD, Set.of("home")))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo(Refused.Kind.UNKNOWN));
    }

    @Test
    void namesAndMacsAreUniqueInTheWorld() {
        refused("LAPTOP", "3c:22:fb:7a:10:02", "home", "name", true, "already exists");
        refused("phone", "3C:22:FB:7A:10:01", "home", "mac", true, "already laptop's address");
    }
}

package com.packetjourney.dhcp.service;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DhcpLease;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.kafka.WorldChanges;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** World changes through the service: a shrunk pool, a released lease, and the changes it refuses. */
class DhcpServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final LanSegment HOME = new LanSegment("home", "192.168.1.0/24", "home-router", "192.168.1.1",
            "198.51.100.23", 64500, "192.168.1.100", "192.168.1.199", 86400, List.of("192.168.1.1"),
            "198.51.100.53", 500);

    private final List<DhcpLease> leaseLog = new ArrayList<>();
    /** The world changes written, read back by the service at once (as its tail would). */
    private final List<String> written = new ArrayList<>();
    private final DhcpService service = new DhcpService(Clock.fixed(T0, ZoneOffset.UTC),
            (topic, key, value) -> leaseLog.add((DhcpLease) value), this::readBack);

    private <T> WorldChanges.Applied<T> readBack(String topic, String key, T value) {
        written.add(topic + " " + key);
        if (topic.equals(Topics.WORLD_LANS)) {
            service.world().lans().accept(key, (LanSegment) value);
            service.onLan(key, (LanSegment) value);
        } else {
            service.onLease(key, (DhcpLease) value);
        }
        return new WorldChanges.Applied<>(value, topic, true);
    }

    @BeforeEach
    void world() {
        service.world().lans().accept("home", HOME);
        service.onLan("home", HOME);
        for (String name : List.of("a", "b", "c")) {
            service.world().clients().accept(name, new ClientDevice(name, "02:00:00:00:00:0" + name.charAt(0) % 10,
                    "home"));
        }
    }

    private HopEvent journey(String client) {
        String mac = "02:00:00:00:00:0" + client.charAt(0) % 10;
        HopEvent requested = HopEvent.first("j-" + client, T0, 0, T0, Outcome.ok(),
                JourneyContext.request("https://packet-journey.com/", "https", "packet-journey.com", 443, "/", client,
                        mac),
                new JourneyRequested("https://packet-journey.com/", "GET", client, mac));
        return service.configure(requested);
    }

    @Test
    void aPoolShrunkToOneAddressIsWrittenToTheWorldAndServesOneNewClientOnceReadBack() {
        WorldChanges.Applied<LanSegment> one = service.changePool("home", "192.168.1.150", "192.168.1.150", null);
        assertThat(written).containsExactly(Topics.WORLD_LANS + " home");
        assertThat(one.applied()).isTrue();
        assertThat(service.lan("home")).isEqualTo(one.value());

        assertThat(((DhcpConfigured) journey("a").payload()).lease().address()).isEqualTo("192.168.1.150");
        HopEvent second = journey("b");
        assertThat(second.outcome().code()).isEqualTo(FailureCode.DHCP_POOL_EXHAUSTED);
        assertThat(((DhcpConfigured) second.payload()).mode()).isEqualTo(DhcpConfigured.MODE_NO_OFFER);
    }

    @Test
    void aReleasedLeaseIsTombstonedAndItsAddressGoesToTheNextClient() {
        service.changePool("home", "192.168.1.150", "192.168.1.150", null);
        journey("a");
        assertThat(service.leases("home")).containsExactly(leaseLog.get(0));
        DhcpLease lease = service.release("home", "02-00-00-00-00-07").value();
        assertThat(lease).isEqualTo(leaseLog.get(0));
        assertThat(written).endsWith(Topics.DHCP_LEASES + " " + lease.key());
        assertThat(service.leases("home")).isEmpty();
        assertThat(((DhcpConfigured) journey("b").payload()).lease().address()).isEqualTo("192.168.1.150");
    }

    @Test
    void changesThatCannotBeMadeAreRefusedNamingTheField() {
        assertRefused(() -> service.changePool("office", "10.0.0.10", "10.0.0.20", null),
                Refused.Kind.UNKNOWN, "lan", "no LAN named office");
        assertRefused(() -> service.changePool("home", "192.168.2.10", "192.168.1.20", null),
                Refused.Kind.INVALID, "poolStart", "outside");
        assertRefused(() -> service.release("office", "02:00:00:00:00:07"),
                Refused.Kind.UNKNOWN, "lan", "no LAN named office");
        assertRefused(() -> service.release("home", "not-a-mac"),
                Refused.Kind.INVALID, "mac", "not a MAC address");
        assertRefused(() -> service.release("home", "02:00:00:00:00:07"),
                Refused.Kind.UNKNOWN, "mac", "holds no lease on home");
    }

    private static void assertRefused(Runnable change, Refused.Kind kind, String field, String detail) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(Refused.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}

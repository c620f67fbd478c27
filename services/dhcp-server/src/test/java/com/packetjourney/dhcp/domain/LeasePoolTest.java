package com.packetjourney.dhcp.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeasePoolTest {
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");

    @Test
    void offersTheLowestFreeAddressAndNeverOneHeldByAnotherClient() {
        LeasePool pool = new LeasePool("home", "192.168.1.100", "192.168.1.101", 3600);
        String first = pool.addressToOffer("aa", T0).orElseThrow();
        pool.bind("aa", first, T0);
        assertThat(first).isEqualTo("192.168.1.100");
        assertThat(pool.addressToOffer("bb", T0)).contains("192.168.1.101");
        assertThatThrownBy(() -> pool.bind("bb", "192.168.1.100", T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClientGetsItsPreviousAddressBackFirst() {
        // RFC 2131 §4.3.1: the client's current binding, else its previous address if available
        LeasePool pool = new LeasePool("home", "192.168.1.100", "192.168.1.110", 60);
        pool.bind("bb", "192.168.1.100", T0);
        pool.bind("aa", "192.168.1.105", T0);
        assertThat(pool.addressToOffer("aa", T0.plusSeconds(3600))).contains("192.168.1.105");
    }

    @Test
    void anExhaustedPoolOffersNothingUntilALeaseExpires() {
        LeasePool pool = new LeasePool("home", "192.168.1.100", "192.168.1.100", 60);
        pool.bind("aa", "192.168.1.100", T0);
        assertThat(pool.addressToOffer("bb", T0.plusSeconds(59))).isEmpty();
        assertThat(pool.addressToOffer("bb", T0.plusSeconds(60))).contains("192.168.1.100");
    }

    @Test
    void aReleasedAddressReturnsToThePool() {
        LeasePool pool = new LeasePool("home", "192.168.1.100", "192.168.1.100", 60);
        pool.bind("aa", "192.168.1.100", T0);
        pool.release("aa");
        assertThat(pool.addressToOffer("bb", T0)).contains("192.168.1.100");
        assertThat(pool.inUse(T0)).isZero();
    }

    @Test
    void aBindingKeptFromBeforeThePoolShrankIsNotCountedAndItsAddressNeverOffered() {
        LeasePool shrunk = new LeasePool("home", "192.168.1.150", "192.168.1.150", 60);
        shrunk.restore(new Lease("home", "aa", "192.168.1.100", T0, 60));
        assertThat(shrunk.inUse(T0)).isZero();
        assertThat(shrunk.bindingOf("aa")).isPresent();
        assertThat(shrunk.addressToOffer("aa", T0)).contains("192.168.1.150");
    }

    @Test
    void renewalAndRebindingTimersAreHalfAndSevenEighthsOfTheLease() {
        // RFC 2131 §4.4.5: T1 = 0.5 * duration_of_lease, T2 = 0.875 * duration_of_lease
        Lease lease = new Lease("home", "aa", "192.168.1.100", T0, 86400);
        assertThat(lease.renewalTime()).isEqualTo(T0.plusSeconds(43200));
        assertThat(lease.rebindingTime()).isEqualTo(T0.plusSeconds(75600));
        assertThat(lease.expiresAt()).isEqualTo(T0.plusSeconds(86400));
    }
}

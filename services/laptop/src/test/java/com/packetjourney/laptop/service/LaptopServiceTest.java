package com.packetjourney.laptop.service;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.hop.JourneyRequested;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.contracts.Refused;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaptopServiceTest {
    private static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");
    private static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");

    private LaptopService service() {
        LaptopService service = new LaptopService(Clock.fixed(WALL, ZoneOffset.UTC), () -> "j-1");
        service.world().simulation().accept(Simulation.KEY, new Simulation("eks-nginx", 20230904, EPOCH));
        service.world().clients().accept("laptop", new ClientDevice("laptop", "3c:22:fb:7a:10:01", "home"));
        return service;
    }

    @Test
    void aRequestFromAKnownDeviceIsTheJourneysFirstEvent() {
        HopEvent e = service().request("https://packet-journey.com/", null, null, null, null);
        assertThat(e.journeyId()).isEqualTo("j-1");
        assertThat(e.hopType()).isEqualTo(HopType.JOURNEY_REQUESTED);
        assertThat(e.eventId()).isEqualTo(HopEvent.eventIdOf("j-1", HopType.JOURNEY_REQUESTED));
        assertThat(e.simStartedAt()).isEqualTo(EPOCH);
        assertThat(e.simLatencyMicros()).isZero();
        assertThat(e.wallTime()).isEqualTo(WALL);
        assertThat(e.outcome().isOk()).isTrue();
        assertThat(e.context()).isEqualTo(JourneyContext.request("https://packet-journey.com/", "https",
                "packet-journey.com", 443, "/", "laptop", "3c:22:fb:7a:10:01"));
        assertThat(e.payload()).isEqualTo(new JourneyRequested("https://packet-journey.com/", "GET", "laptop",
                "3c:22:fb:7a:10:01"));
    }

    @Test
    void aDeviceOutsideTheWorldCannotBrowse() {
        LaptopService service = service();
        assertThatThrownBy(() -> service.request("https://packet-journey.com/", "phone", null, null, null))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.field()).isEqualTo("client"));
        service.world().clients().accept("laptop", null);
        assertThatThrownBy(() -> service.request("https://packet-journey.com/", null, null, null, null))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.field()).isEqualTo("client"));
    }

    @Test
    void withoutASimulationTheStartMustBeGiven() {
        LaptopService service = service();
        service.world().simulation().accept(Simulation.KEY, null);
        assertThatThrownBy(() -> service.request("https://packet-journey.com/", null, null, null, null))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.field()).isEqualTo("at"));
        assertThat(service.request("https://packet-journey.com/", null, "2026-02-01T00:00:00Z", null, null)
                .simStartedAt()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void eachClientKeepsItsOwnClockWhichMovesWithTheJourneysItStarts() {
        LaptopService service = service();
        service.world().clients().accept("phone", new ClientDevice("phone", "3c:22:fb:7a:10:02", "home"));
        HopEvent first = service.request("https://packet-journey.com/", null, null, null, null);
        assertThat(first.simStartedAt()).isEqualTo(EPOCH);
        // a request not sent does not move the clock
        assertThat(service.request("https://packet-journey.com/", null, null, "10m", null).simStartedAt())
                .isEqualTo(EPOCH.plusSeconds(600));
        HopEvent later = service.request("https://packet-journey.com/", null, null, "10m", null);
        service.onJourneyStarted(later);
        // sent again without a time: one second of think time after the previous journey
        assertThat(service.request("https://packet-journey.com/", null, null, null, null).simStartedAt())
                .isEqualTo(EPOCH.plusSeconds(601));
        assertThat(service.request("https://packet-journey.com/", null, null, "90s", null).simStartedAt())
                .isEqualTo(EPOCH.plusSeconds(690));
        assertThat(service.request("https://packet-journey.com/", "phone", null, null, null).simStartedAt())
                .isEqualTo(EPOCH);
    }

    @Test
    void theClockIsTheLatestStartWhateverOrderTheLogIsReadIn() {
        LaptopService service = service();
        HopEvent at10 = service.request("https://packet-journey.com/", null, "2026-01-01T10:00:00Z", null, null);
        HopEvent at11 = service.request("https://packet-journey.com/", null, "2026-01-01T11:00:00Z", null, null);
        service.onJourneyStarted(at11);
        service.onJourneyStarted(at10);
        assertThat(service.request("https://packet-journey.com/", null, null, null, null).simStartedAt())
                .isEqualTo(Instant.parse("2026-01-01T11:00:01Z"));
    }
}

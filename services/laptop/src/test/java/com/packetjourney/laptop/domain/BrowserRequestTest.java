package com.packetjourney.laptop.domain;

import com.packetjourney.contracts.Refused;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserRequestTest {
    private static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");
    private static final Supplier<String> NEW_ID = () -> "generated-id";
    private static final Function<String, Instant> CLOCK = client -> EPOCH;
    private static final Function<String, Instant> NO_SIMULATION = client -> null;

    private static BrowserRequest url(String url) {
        return BrowserRequest.parse(url, null, null, null, null, CLOCK, NEW_ID);
    }

    private static void assertInvalid(Runnable parse, String field, String detailPart) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(Refused.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(detailPart);
        });
    }

    @Test
    void theSeedArticlesUrlIsSplitForTheNetwork() {
        BrowserRequest r = url("https://packet-journey.com/");
        assertThat(r.url()).isEqualTo("https://packet-journey.com/");
        assertThat(r.scheme()).isEqualTo("https");
        assertThat(r.host()).isEqualTo("packet-journey.com");
        assertThat(r.port()).isEqualTo(443);
        assertThat(r.path()).isEqualTo("/");
    }

    @Test
    void missingFieldsTakeTheirDefaults() {
        BrowserRequest r = url("https://packet-journey.com/");
        assertThat(r.client()).isEqualTo("laptop");
        assertThat(r.at()).isEqualTo(EPOCH);
        assertThat(r.journeyId()).isEqualTo("generated-id");
    }

    @Test
    void eachSchemeHasItsDefaultPortAndAnExplicitOneWins() {
        assertThat(url("http://packet-journey.com/").port()).isEqualTo(80);
        assertThat(url("https://packet-journey.com/").port()).isEqualTo(443);
        assertThat(url("https://packet-journey.com:8443/").port()).isEqualTo(8443);
        assertThat(url("http://packet-journey.com:/").port()).isEqualTo(80);
    }

    @Test
    void anEmptyPathIsTheRootAndQueriesStayOutOfThePath() {
        assertThat(url("https://packet-journey.com").path()).isEqualTo("/");
        assertThat(url("https://packet-journey.com/blog/a%20b?x=1#top").path()).isEqualTo("/blog/a%20b");
    }

    @Test
    void schemeAndHostAreCaseInsensitive() {
        BrowserRequest r = url("HTTPS://Packet-Journey.COM/About");
        assertThat(r.scheme()).isEqualTo("https");
        assertThat(r.host()).isEqualTo("packet-journey.com");
        assertThat(r.path()).isEqualTo("/About");
    }

    @Test
    void givenFieldsAreKept() {
        BrowserRequest r = BrowserRequest.parse(" https://packet-journey.com/ ", "phone", "2026-01-01T10:00:00+01:00",
                null, "my.journey_1-a", CLOCK, NEW_ID);
        assertThat(r.url()).isEqualTo("https://packet-journey.com/");
        assertThat(r.client()).isEqualTo("phone");
        assertThat(r.at()).isEqualTo(EPOCH);
        assertThat(r.journeyId()).isEqualTo("my.journey_1-a");
    }

    @Test
    void onlyHttpAndHttpsAreBrowsed() {
        assertInvalid(() -> url("ftp://packet-journey.com/"), "url", "ftp");
        assertInvalid(() -> url("mailto:someone@packet-journey.com"), "url", "mailto");
    }

    @Test
    void aRelativeUrlHasNoServerToGoTo() {
        assertInvalid(() -> url("/index.html"), "url", "absolute");
        assertInvalid(() -> url("packet-journey.com"), "url", "absolute");
    }

    @Test
    void theUrlMustNameAHost() {
        assertInvalid(() -> url("https:///index.html"), "url", "host");
        assertInvalid(() -> url("https://bad_host.com/"), "url", "host");
    }

    @Test
    void anEmptyOrMalformedUrlIsRefused() {
        assertInvalid(() -> url(""), "url", "required");
        assertInvalid(() -> url("   "), "url", "required");
        assertInvalid(() -> url(null), "url", "required");
        assertInvalid(() -> url("https://packet-journey.com/a b"), "url", "not a valid URI");
        assertInvalid(() -> url("https://packet-journey.com:70000/"), "url", "port");
    }

    @Test
    void aJourneyIdIsShortAndUrlSafe() {
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", null, null, null, "has space", CLOCK, NEW_ID),
                "journeyId", "[A-Za-z0-9._-]{1,64}");
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", null, null, null, "", CLOCK, NEW_ID), "journeyId",
                "must match");
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", null, null, null, "x".repeat(65), CLOCK, NEW_ID),
                "journeyId", "must match");
        assertThat(BrowserRequest.parse("https://a.com/", null, null, null, "x".repeat(64), CLOCK, NEW_ID).journeyId())
                .hasSize(64);
    }

    @Test
    void theStartIsAnIsoInstantAndNeedsASimulationWhenOmitted() {
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", null, "tomorrow", null, null, CLOCK, NEW_ID), "at",
                "ISO-8601");
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", null, "2026-01-01T09:00:00", null, null, CLOCK,
                        NEW_ID),
                "at", "offset");
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", null, null, null, null, NO_SIMULATION, NEW_ID),
                "at", "simulation");
    }

    @Test
    void aBlankClientIsRefused() {
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", " ", null, null, null, CLOCK, NEW_ID), "client",
                "blank");
    }

    @Test
    void withoutAtOrAfterTheJourneyStartsAtItsClientsClock() {
        Instant phoneClock = EPOCH.plusSeconds(600);
        Function<String, Instant> clocks = client -> client.equals("phone") ? phoneClock : EPOCH;
        assertThat(BrowserRequest.parse("https://a.com/", "phone", null, null, null, clocks, NEW_ID).at())
                .isEqualTo(phoneClock);
        assertThat(BrowserRequest.parse("https://a.com/", null, null, null, null, clocks, NEW_ID).at()).isEqualTo(EPOCH);
    }

    @Test
    void afterIsADelayPastTheClientsClock() {
        Function<String, Instant> clocks = client -> EPOCH.plusSeconds(600);
        assertThat(BrowserRequest.parse("https://a.com/", null, null, "10m", null, clocks, NEW_ID).at())
                .isEqualTo(EPOCH.plusSeconds(1200));
        assertThat(BrowserRequest.parse("https://a.com/", null, null, "PT0S", null, clocks, NEW_ID).at())
                .isEqualTo(EPOCH.plusSeconds(600));
    }

    @Test
    void atAndAfterTogetherAreRefusedAndAfterNeedsAClock() {
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", null, "2026-01-01T10:00:00Z", "10m", null, CLOCK,
                NEW_ID), "after", "not both");
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", null, null, "10m", null, NO_SIMULATION, NEW_ID),
                "after", "simulation");
        assertInvalid(() -> BrowserRequest.parse("https://a.com/", null, null, "soon", null, CLOCK, NEW_ID), "after",
                "not a duration");
    }
}

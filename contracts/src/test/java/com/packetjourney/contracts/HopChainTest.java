package com.packetjourney.contracts;

import com.packetjourney.contracts.journey.Journey;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HopChainTest {
    /** A hop someone might add one day, between the request and DHCP: the laptop joining the Wi-Fi. */
    private static final HopDefinition WIFI = new HopDefinition(6, "wifi.associated", "wifi-ap", "pj.hop.wifi",
            "Wi-Fi association", "The laptop associates with the access point (IEEE 802.11)");

    @Test
    void theStandardChainIsTheHopTypesInOrderEachReadingThePreviousHopsTopic() {
        HopChain chain = HopChain.STANDARD;
        assertThat(chain.hops()).extracting(HopDefinition::wireName).containsExactly("journey.requested",
                "dhcp.configured", "dns.resolved", "packet.routed", "alb.forwarded", "pod.responded");
        assertThat(chain.inputTopic(HopType.JOURNEY_REQUESTED.number())).isEmpty();
        assertThat(chain.inputTopic(HopType.DNS_RESOLVED.number())).contains(Topics.DHCP);
        assertThat(chain.inputTopic(HopType.POD_RESPONDED.number())).contains(Topics.ALB);
        assertThat(chain.last().number()).isEqualTo(HopType.POD_RESPONDED.number());
        assertThat(Topics.hopTopics()).containsExactly(Topics.JOURNEY_REQUESTED, Topics.DHCP, Topics.DNS,
                Topics.ROUTE, Topics.ALB, Topics.POD);
    }

    @Test
    void hopNumbersAreTheOnesOnTheWireSinceTheFirstLogAndNeverShift() {
        // The numbers events were written with since schema version 1; they must never change.
        assertThat(Arrays.stream(HopType.values()).map(t -> t.wireName() + "=" + t.number())).containsExactly(
                "journey.requested=0", "dhcp.configured=1", "dns.resolved=2", "packet.routed=3",
                "alb.forwarded=4", "pod.responded=5");
        for (HopType type : HopType.values()) {
            assertThat(HopEventSamples.ok(type).hop()).isEqualTo(type.number());
            assertThat(HopType.ofNumber(type.number())).isEqualTo(type);
        }
    }

    @Test
    void insertingAHopKeepsEveryOtherHopsIdentityAndMovesOnlyPositions() {
        HopChain withWifi = HopChain.STANDARD.inserting(1, WIFI);
        for (HopType type : HopType.values()) {
            assertThat(withWifi.byNumber(type.number())).contains(type.definition());
            assertThat(withWifi.byWireName(type.wireName())).contains(type.definition());
        }
        assertThat(withWifi.position(HopType.DHCP_CONFIGURED.number())).isEqualTo(2);
        assertThat(withWifi.inputTopic(HopType.DHCP_CONFIGURED.number())).contains("pj.hop.wifi");
        assertThat(withWifi.inputTopic(WIFI.number())).contains(Topics.JOURNEY_REQUESTED);
        assertThat(withWifi.last()).isEqualTo(HopType.POD_RESPONDED.definition());
    }

    @Test
    void anOldLogFoldsToTheSameJourneyUnderAChainWithAnInsertedHop() {
        List<HopEvent> oldLog = new ArrayList<>();
        for (HopType type : HopType.values()) {
            oldLog.add(HopEventSamples.ok(type));
        }
        HopChain withWifi = HopChain.STANDARD.inserting(1, WIFI);
        for (List<HopEvent> order : List.of(oldLog, reversed(oldLog))) {
            JourneyView before = fold(HopChain.STANDARD, order);
            JourneyView after = fold(withWifi, order);
            assertThat(after).isEqualTo(before);
            assertThat(after.status()).isEqualTo(JourneyStatus.COMPLETED);
            assertThat(after.hops()).extracting(HopEvent::hopType).containsExactly(HopType.values());
        }
    }

    @Test
    void aChainRefusesAHopNumberOrTypeUsedTwice() {
        HopDefinition sameNumber = new HopDefinition(1, "other", "s", "t", "x", "y");
        assertThatThrownBy(() -> HopChain.STANDARD.inserting(0, sameNumber)).hasMessageContaining("number 1");
        HopDefinition sameName = new HopDefinition(9, "dns.resolved", "s", "t", "x", "y");
        assertThatThrownBy(() -> HopChain.STANDARD.inserting(0, sameName)).hasMessageContaining("dns.resolved");
    }

    private static JourneyView fold(HopChain chain, List<HopEvent> events) {
        Journey journey = new Journey(events.get(0).journeyId(), chain);
        events.forEach(journey::apply);
        return journey.view();
    }

    private static List<HopEvent> reversed(List<HopEvent> events) {
        List<HopEvent> copy = new ArrayList<>(events);
        Collections.reverse(copy);
        return copy;
    }
}

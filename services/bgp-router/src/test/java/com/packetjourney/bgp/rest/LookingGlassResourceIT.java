package com.packetjourney.bgp.rest;

import com.packetjourney.bgp.messaging.RoutedWorld;
import com.packetjourney.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The looking glass over the scenario's converged Internet, and its problem documents for bad input. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(RoutedWorld.class)
class LookingGlassResourceIT {

    @Test
    void everyAsIsListedWithItsEstablishedSessions() {
        given().when().get("/autonomous-systems").then()
                .statusCode(200)
                .body("asn", contains(1299, 2914, 3356, 16509, 64500))
                .body("find { it.asn == 64500 }.sessions.asn", contains(1299, 3356))
                .body("find { it.asn == 64500 }.sessions.relationship", contains("PROVIDER", "PROVIDER"));
    }

    @Test
    void theIspLocRibShowsAmazonsPrefixViaLumen() {
        given().when().get("/autonomous-systems/64500/routes").then()
                .statusCode(200)
                .body("asn", equalTo(64500))
                .body("router", equalTo("isp-edge-1"))
                .body("routes.prefix", hasItem("54.216.0.0/15"))
                .body("routes.find { it.prefix == '54.216.0.0/15' }.asPath", contains(3356, 16509))
                .body("routes.find { it.prefix == '54.216.0.0/15' }.nextHopAs", equalTo(3356))
                .body("routes.find { it.prefix == '54.216.0.0/15' }.nextHopRouter", equalTo("lumen-core-1"))
                .body("routes.find { it.prefix == '54.216.0.0/15' }.localPref", equalTo(50))
                .body("routes.find { it.prefix == '198.51.100.0/24' }.nextHopAs", nullValue());
    }

    @Test
    void theOtherCandidatePathsShowTheStepTheyLostOn() {
        // Arelion hears the home ISP's prefix from its customer and from its peer Lumen: LOCAL_PREF decides.
        given().when().get("/autonomous-systems/AS1299/routes").then()
                .statusCode(200)
                .body("routes.find { it.prefix == '198.51.100.0/24' }.asPath", contains(64500))
                .body("routes.find { it.prefix == '198.51.100.0/24' }.otherPaths[0].asPath", contains(3356, 64500))
                .body("routes.find { it.prefix == '198.51.100.0/24' }.otherPaths[0].lostOn",
                        equalTo("highest LOCAL_PREF"));
    }

    @Test
    void aLookupReturnsTheLongestPrefixMatch() {
        given().queryParam("ip", "54.217.10.21").when().get("/autonomous-systems/3356/lookup").then()
                .statusCode(200)
                .body("found", equalTo(true))
                .body("route.prefix", equalTo("54.216.0.0/15"))
                .body("route.asPath", contains(16509));
        given().queryParam("ip", "54.217.10.21").when().get("/autonomous-systems/1299/lookup").then()
                .statusCode(200)
                .body("found", equalTo(false));
    }

    @Test
    void anInvalidIpIsABadRequestNamingTheField() {
        given().queryParam("ip", "54.217.10").when().get("/autonomous-systems/64500/lookup").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("field", equalTo("ip"))
                .body("detail", containsString("54.217.10"));
        given().when().get("/autonomous-systems/64500/lookup").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("ip"));
    }

    @Test
    void anUnknownOrMalformedAsnIsNamed() {
        given().when().get("/autonomous-systems/65551/routes").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("field", equalTo("asn"))
                .body("detail", equalTo("AS65551 is not in the world"));
        given().when().get("/autonomous-systems/lumen/routes").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("asn"));
    }
}

package com.packetjourney.alb.domain;

import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.k8s.AlbConfig.Condition;
import com.packetjourney.contracts.k8s.AlbConfig.QueryString;
import com.packetjourney.contracts.k8s.AlbConfig.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEvaluatorTest {

    @Test
    void rulesAreEvaluatedInAscendingPriorityWhateverTheirOrder() {
        Rule catchAll = new Rule(10, List.of(), List.of("/*"), "tg-all");
        Rule images = new Rule(2, List.of(), List.of("/img/*"), "tg-img");
        assertThat(RuleEvaluator.firstMatch(List.of(catchAll, images), "example.com", "/img/logo.png"))
                .get().extracting(Rule::targetGroup).isEqualTo("tg-img");
        assertThat(RuleEvaluator.firstMatch(List.of(catchAll, images), "example.com", "/index.html"))
                .get().extracting(Rule::targetGroup).isEqualTo("tg-all");
    }

    @Test
    void hostHeaderIsCaseInsensitiveWithWildcards() {
        // The user guide's examples: example.com, test.example.com, *.example.com
        Rule wildcard = new Rule(1, List.of("*.example.com"), List.of(), "tg");
        assertThat(RuleEvaluator.matches(wildcard, "www.example.com", "/")).isTrue();
        assertThat(RuleEvaluator.matches(wildcard, "WWW.Example.COM", "/")).isTrue();
        assertThat(RuleEvaluator.matches(wildcard, "www.example.com:443", "/")).as("port ignored").isTrue();
        assertThat(RuleEvaluator.matches(wildcard, "example.com", "/")).isFalse();
        Rule oneChar = new Rule(1, List.of("api?.example.com"), List.of(), "tg");
        assertThat(RuleEvaluator.matches(oneChar, "api1.example.com", "/")).isTrue();
        assertThat(RuleEvaluator.matches(oneChar, "api12.example.com", "/")).isFalse();
    }

    @Test
    void pathPatternIsCaseSensitiveWithStarAndQuestionMarkAndIgnoresTheQuery() {
        // The user guide's examples: /img/*, /img/*/pics
        Rule pics = new Rule(1, List.of(), List.of("/img/*/pics"), "tg");
        assertThat(RuleEvaluator.matches(pics, "h", "/img/2024/pics")).isTrue();
        assertThat(RuleEvaluator.matches(pics, "h", "/img/2024/pics/a.png")).isFalse();
        assertThat(RuleEvaluator.matches(pics, "h", "/IMG/2024/pics")).isFalse();
        Rule version = new Rule(1, List.of(), List.of("/api/v?/users"), "tg");
        assertThat(RuleEvaluator.matches(version, "h", "/api/v1/users?page=2")).isTrue();
        assertThat(RuleEvaluator.matches(version, "h", "/api/v10/users")).isFalse();
        assertThat(RuleEvaluator.matches(new Rule(1, List.of(), List.of("/*"), "tg"), "h", "")).isTrue();
    }

    @Test
    void valuesWithinAConditionAreOredAndConditionsAnded() {
        Rule rule = new Rule(1, List.of("a.example.com", "b.example.com"), List.of("/api", "/api/*"), "tg");
        assertThat(RuleEvaluator.matches(rule, "b.example.com", "/api")).isTrue();
        assertThat(RuleEvaluator.matches(rule, "a.example.com", "/api/users")).isTrue();
        assertThat(RuleEvaluator.matches(rule, "c.example.com", "/api")).isFalse();
        assertThat(RuleEvaluator.matches(rule, "a.example.com", "/web")).isFalse();
        assertThat(RuleEvaluator.firstMatch(List.of(rule), "c.example.com", "/api")).isEmpty();
        assertThat(RuleEvaluator.describe(rule))
                .isEqualTo("host-header a.example.com OR b.example.com AND path-pattern /api OR /api/*");
    }

    private static final HttpRequest BROWSER = HttpRequest.fromBrowser(JourneyContext.request(
            "https://packet-journey.com/search?Version=V1&lang=en", "https", "packet-journey.com", 443, "/search",
            "laptop", "3c:22:fb:7a:10:01").withRoute(16509L, "198.51.100.23", 40123));

    /** A rule whose only condition is {@code condition}. */
    private static Rule only(Condition condition) {
        return new Rule(1, List.of(), List.of(), "tg", List.of(condition), null);
    }

    @Test
    void theBrowserRequestCarriesHostMethodQueryHeadersAndTheNatAddress() {
        assertThat(BROWSER.method()).isEqualTo("GET");
        assertThat(BROWSER.header("Host")).isEqualTo("packet-journey.com");
        assertThat(BROWSER.header("USER-AGENT")).contains("Chrome/");
        assertThat(BROWSER.query()).isEqualTo("Version=V1&lang=en");
        assertThat(BROWSER.path()).isEqualTo("/search");
        assertThat(BROWSER.sourceIp()).isEqualTo("198.51.100.23");
    }

    @Test
    void hostHeaderConditionAloneDecides() {
        assertThat(RuleEvaluator.matches(only(new Condition("host-header", null, List.of("*.example.com",
                "packet-journey.com"), null)), BROWSER)).isTrue();
        assertThat(RuleEvaluator.matches(only(new Condition("host-header", null, List.of("*.example.com"), null)),
                BROWSER)).isFalse();
    }

    @Test
    void pathPatternConditionAloneDecides() {
        assertThat(RuleEvaluator.matches(only(new Condition("path-pattern", null, List.of("/sea*"), null)), BROWSER))
                .isTrue();
        assertThat(RuleEvaluator.matches(only(new Condition("path-pattern", null, List.of("/Search"), null)),
                BROWSER)).as("case-sensitive").isFalse();
    }

    @Test
    void httpHeaderNameAndValuesAreCaseInsensitiveWithWildcardsAndOred() {
        // The user guide's example: User-Agent *Chrome* OR *Safari*
        Condition browsers = new Condition("http-header", "user-agent", List.of("*Chrome*", "*Safari*"), null);
        assertThat(RuleEvaluator.matches(only(browsers), BROWSER)).isTrue();
        assertThat(RuleEvaluator.matches(only(browsers), BROWSER.withHeader("User-Agent", "curl/8.5.0"))).isFalse();
        assertThat(RuleEvaluator.matches(only(new Condition("http-header", "User-Agent", List.of("*CHROME/12?.*"),
                null)), BROWSER)).isTrue();
        assertThat(RuleEvaluator.matches(only(new Condition("http-header", "X-Canary", List.of("*"), null)), BROWSER))
                .as("an absent header never matches").isFalse();
        assertThat(RuleEvaluator.matches(only(new Condition("http-header", "X-Canary", List.of("on"), null)),
                BROWSER.withHeader("x-canary", "ON"))).isTrue();
    }

    @Test
    void httpRequestMethodIsExactAndCaseSensitive() {
        assertThat(RuleEvaluator.matches(only(new Condition("http-request-method", null, List.of("GET", "HEAD"),
                null)), BROWSER)).isTrue();
        assertThat(RuleEvaluator.matches(only(new Condition("http-request-method", null, List.of("get"), null)),
                BROWSER)).isFalse();
        assertThat(RuleEvaluator.matches(only(new Condition("http-request-method", null, List.of("POST"), null)),
                BROWSER)).isFalse();
    }

    @Test
    void queryStringPairsAreCaseInsensitiveWithWildcardsAndAnOptionalKey() {
        // The user guide's example: version=v1 OR *=example
        Condition version = new Condition("query-string", null, null,
                List.of(new QueryString("version", "v1"), new QueryString(null, "example")));
        assertThat(RuleEvaluator.matches(only(version), BROWSER)).isTrue();
        assertThat(RuleEvaluator.matches(only(new Condition("query-string", null, null,
                List.of(new QueryString(null, "e?")))), BROWSER)).as("any key, value en").isTrue();
        assertThat(RuleEvaluator.matches(only(new Condition("query-string", null, null,
                List.of(new QueryString("version", "v2")))), BROWSER)).isFalse();
        assertThat(RuleEvaluator.matches(only(version), HttpRequest.of("packet-journey.com", "/")))
                .as("no query string").isFalse();
        assertThat(RuleEvaluator.matches(only(version), HttpRequest.of("h", "/?x=1&lang=example"))).isTrue();
    }

    @Test
    void sourceIpMatchesTheClientAddressAfterNatAgainstCidrBlocks() {
        Condition office = new Condition("source-ip", null, List.of("192.168.0.0/16", "198.51.100.0/24"), null);
        assertThat(RuleEvaluator.matches(only(office), BROWSER)).isTrue();
        assertThat(RuleEvaluator.matches(only(office), BROWSER.withSourceIp("203.0.113.7"))).isFalse();
        assertThat(RuleEvaluator.matches(only(new Condition("source-ip", null, List.of("2001:db8::/32"), null)),
                BROWSER.withSourceIp("2001:db8:1::5"))).isTrue();
        assertThat(RuleEvaluator.inCidr("198.51.100.23", "198.51.100.23/32")).isTrue();
        assertThat(RuleEvaluator.inCidr("198.51.100.24", "198.51.100.23/32")).isFalse();
        assertThat(RuleEvaluator.inCidr("10.1.2.3", "0.0.0.0/0")).isTrue();
    }

    @Test
    void extraConditionsAreAndedWithHostAndPathAndDescribed() {
        Rule rule = new Rule(5, List.of("packet-journey.com"), List.of("/*"), "tg", List.of(
                new Condition("http-request-method", null, List.of("GET"), null),
                new Condition("query-string", null, null, List.of(new QueryString("version", "v1")))), null);
        assertThat(RuleEvaluator.matches(rule, BROWSER)).isTrue();
        assertThat(RuleEvaluator.matches(rule, BROWSER.withMethod("POST"))).isFalse();
        assertThat(RuleEvaluator.describe(rule)).isEqualTo("host-header packet-journey.com AND path-pattern /* AND "
                + "http-request-method GET AND query-string version=v1");
    }

    @Test
    void aRuleWithAnExtraConditionOutranksALaterCatchAllOnlyWhenItMatches() {
        Rule canary = new Rule(1, List.of(), List.of("/*"), "tg-canary", List.of(
                new Condition("http-header", "X-Canary", List.of("true"), null)), null);
        Rule all = new Rule(2, List.of(), List.of("/*"), "tg-all");
        assertThat(RuleEvaluator.firstMatch(List.of(all, canary), BROWSER.withHeader("X-Canary", "true")))
                .get().extracting(Rule::targetGroup).isEqualTo("tg-canary");
        assertThat(RuleEvaluator.firstMatch(List.of(all, canary), BROWSER))
                .get().extracting(Rule::targetGroup).isEqualTo("tg-all");
    }
}

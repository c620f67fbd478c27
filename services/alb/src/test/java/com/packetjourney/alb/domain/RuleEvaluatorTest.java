package com.packetjourney.alb.domain;

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
}

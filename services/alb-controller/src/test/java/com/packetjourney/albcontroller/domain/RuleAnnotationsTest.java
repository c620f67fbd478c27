package com.packetjourney.albcontroller.domain;

import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.AlbConfig.Condition;
import com.packetjourney.contracts.k8s.AlbConfig.QueryString;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotation values are the controller guide's own examples (Ingress annotations, "conditions" and "actions"). */
class RuleAnnotationsTest {
    private final List<String> errors = new ArrayList<>();

    private List<Condition> conditions(String json) {
        return RuleAnnotations.conditions(Map.of(RuleAnnotations.CONDITIONS_PREFIX + "rule-path1", json),
                "rule-path1", errors);
    }

    private RuleAnnotations.Action action(String json) {
        return RuleAnnotations.action(Map.of(RuleAnnotations.ACTIONS_PREFIX + "rule-path1", json), "rule-path1",
                errors);
    }

    @Test
    void eachConditionTypeOfTheGuide() {
        assertThat(conditions("[{\"field\":\"host-header\",\"hostHeaderConfig\":{\"values\":[\"anno.example.com\"]}}]"))
                .containsExactly(new Condition("host-header", null, List.of("anno.example.com"), null));
        assertThat(conditions("[{\"field\":\"path-pattern\",\"pathPatternConfig\":{\"values\":[\"/path2\"]}}]"))
                .containsExactly(new Condition("path-pattern", null, List.of("/path2"), null));
        assertThat(conditions("[{\"field\":\"http-header\",\"httpHeaderConfig\":{\"httpHeaderName\": \"HeaderName\","
                + " \"values\":[\"HeaderValue1\", \"HeaderValue2\"]}}]"))
                .containsExactly(new Condition("http-header", "HeaderName", List.of("HeaderValue1", "HeaderValue2"),
                        null));
        assertThat(conditions("[{\"field\":\"http-request-method\",\"httpRequestMethodConfig\":{\"Values\":[\"GET\","
                + " \"HEAD\"]}}]"))
                .containsExactly(new Condition("http-request-method", null, List.of("GET", "HEAD"), null));
        assertThat(conditions("[{\"field\":\"query-string\",\"queryStringConfig\":{\"values\":[{\"key\":\"paramA\","
                + "\"value\":\"valueA1\"},{\"key\":\"paramA\",\"value\":\"valueA2\"},{\"value\":\"anyKey\"}]}}]"))
                .containsExactly(new Condition("query-string", null, null, List.of(new QueryString("paramA", "valueA1"),
                        new QueryString("paramA", "valueA2"), new QueryString(null, "anyKey"))));
        assertThat(conditions("[{\"field\":\"source-ip\",\"sourceIpConfig\":{\"values\":[\"192.168.0.0/16\","
                + " \"172.16.0.0/16\"]}}]"))
                .containsExactly(new Condition("source-ip", null, List.of("192.168.0.0/16", "172.16.0.0/16"), null));
        assertThat(errors).isEmpty();
    }

    @Test
    void badConditionsAreReported() {
        assertThat(conditions("not json")).isEmpty();
        assertThat(conditions("[{\"field\":\"cookie\",\"cookieConfig\":{\"values\":[\"a\"]}}]")).isEmpty();
        assertThat(conditions("[{\"field\":\"http-header\",\"httpHeaderConfig\":{\"values\":[\"a\"]}}]")).isEmpty();
        assertThat(conditions("[{\"field\":\"source-ip\",\"sourceIpConfig\":{\"values\":[]}}]")).isEmpty();
        assertThat(errors).containsExactly("conditions.rule-path1 is not valid JSON: not json",
                "conditions.rule-path1 has unknown field cookie",
                "conditions.rule-path1 condition http-header has no httpHeaderName",
                "conditions.rule-path1 condition source-ip has no values");
    }

    @Test
    void fixedResponseAction() {
        assertThat(action("{\"type\":\"fixed-response\",\"fixedResponseConfig\":{\"contentType\":\"text/plain\","
                + "\"statusCode\":\"503\",\"messageBody\":\"503 error text\"}}").action())
                .isEqualTo(new AlbConfig.Action("fixed-response", null,
                        new AlbConfig.FixedResponse("503", "text/plain", "503 error text"), null));
        assertThat(errors).isEmpty();
    }

    @Test
    void redirectAction() {
        assertThat(action("{\"type\":\"redirect\",\"redirectConfig\":{\"protocol\":\"HTTPS\",\"port\":\"443\","
                + "\"statusCode\":\"HTTP_301\"}}").action())
                .isEqualTo(new AlbConfig.Action("redirect", null, null,
                        new AlbConfig.Redirect("HTTPS", null, "443", null, null, "HTTP_301")));
        assertThat(action("{\"type\":\"redirect\",\"redirectConfig\":{\"statusCode\":\"HTTP_307\"}}")).isNull();
        assertThat(errors).containsExactly("actions.rule-path1 redirect needs a statusCode HTTP_301 or HTTP_302");
    }

    @Test
    void forwardActionToOneService() {
        RuleAnnotations.Action forward = action("{\"type\":\"forward\",\"forwardConfig\":{\"targetGroups\":["
                + "{\"serviceName\":\"api\",\"servicePort\":\"8080\"}]}}");
        assertThat(forward.service()).isEqualTo("api");
        assertThat(forward.servicePort()).isEqualTo("8080");
        assertThat(action("{\"type\":\"forward\",\"forwardConfig\":{\"targetGroups\":[{\"serviceName\":\"a\","
                + "\"servicePort\":\"80\",\"weight\":20},{\"serviceName\":\"b\",\"servicePort\":\"80\","
                + "\"weight\":80}]}}")).isNull();
        assertThat(action("{\"type\":\"authenticate-oidc\"}")).isNull();
        assertThat(errors).containsExactly(
                "actions.rule-path1 forward needs forwardConfig.targetGroups with exactly one serviceName",
                "actions.rule-path1 has unknown type authenticate-oidc (forward, fixed-response or redirect)");
    }

    @Test
    void noAnnotationMeansNothing() {
        assertThat(RuleAnnotations.conditions(Map.of(), "nginx", errors)).isEmpty();
        assertThat(RuleAnnotations.action(Map.of(), "nginx", errors)).isNull();
        assertThat(errors).isEmpty();
    }
}

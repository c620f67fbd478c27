package com.packetjourney.albcontroller.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class IngressTranslatorTest {
    private static final String LB = "k8s-default-nginx-7f3c2a9d41";
    private static final String CERT = "arn:aws:acm:eu-west-1:111122223333:certificate/5e1c7a2b-0d4f-4e8a-9b61-3f2a7c9d0e15";

    private final Map<String, Service> services = new HashMap<>(Map.of(
            "default/nginx", new Service("default", "nginx", Map.of("app", "nginx"), 80, 80),
            "default/api", new Service("default", "api", Map.of("app", "api"), 8080, 3000)));

    private static Ingress ingress(Map<String, String> annotations, List<Ingress.Rule> rules) {
        return new Ingress("default", "web", "alb", annotations, rules);
    }

    private static Map<String, String> ipMode(Map<String, String> more) {
        Map<String, String> a = new HashMap<>(more);
        a.put(IngressTranslator.LOAD_BALANCER_NAME, LB);
        a.put(IngressTranslator.TARGET_TYPE, "ip");
        return a;
    }

    @Test
    void theScenariosIngressBecomesAnHttpsListenerWithOneRuleAndAnIpTargetGroup() throws IOException {
        Scenario scenario = new YAMLMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(Path.of("../../scenarios/eks-nginx.yaml").toFile(), Scenario.class);
        Ingress ingress = scenario.kubernetes().stream().filter(Ingress.class::isInstance).map(Ingress.class::cast)
                .findFirst().orElseThrow();
        Map<String, Service> scenarioServices = scenario.kubernetes().stream().filter(Service.class::isInstance)
                .map(Service.class::cast).collect(Collectors.toMap(s -> s.namespace() + "/" + s.name(), s -> s));
        Set<String> lbs = scenario.loadBalancers().stream().map(LoadBalancer::name).collect(Collectors.toSet());

        IngressTranslator.Result result = IngressTranslator.translate(ingress, scenarioServices::get, lbs);

        assertThat(result.errors()).isEmpty();
        AlbConfig config = result.config();
        assertThat(config.loadBalancer()).isEqualTo(LB);
        assertThat(config.ingress()).isEqualTo("default/nginx");
        assertThat(config.targetGroups()).hasSize(1);
        AlbConfig.TargetGroup group = config.targetGroups().get(0);
        assertThat(group.name()).matches("k8s-default-nginx-[0-9a-f]{10}").hasSizeLessThanOrEqualTo(32);
        assertThat(group.protocol()).isEqualTo("HTTP");
        assertThat(group.port()).isEqualTo(80);
        assertThat(group.targetType()).isEqualTo("ip");
        assertThat(group.algorithm()).isEqualTo("least_outstanding_requests");
        assertThat(group.service()).isEqualTo("default/nginx");
        assertThat(group.deregistrationDelaySeconds()).as("ELB's default").isEqualTo(300);
        assertThat(group.healthCheck()).as("the controller's defaults").isEqualTo(AlbConfig.HealthCheck.CONTROLLER_DEFAULTS);
        assertThat(config.listeners()).containsExactly(new AlbConfig.Listener(443, "HTTPS", List.of(CERT),
                List.of(new AlbConfig.Rule(1, List.of("packet-journey.com"), List.of("/*"), group.name())),
                "fixed-response:404", null, "ELBSecurityPolicy-2016-08"));
    }

    @Test
    void theSslPolicyAnnotationSetsTheHttpsListenersPolicyAndAnUnknownOneIsRefused() {
        // the controller's default is ELBSecurityPolicy-2016-08; ssl-policy names another (annotations guide)
        List<Ingress.Rule> rules = List.of(new Ingress.Rule(null, List.of(new Ingress.Path("/", "Prefix", "nginx", 80))));
        Ingress tls13 = ingress(ipMode(Map.of(IngressTranslator.CERTIFICATE_ARN, CERT,
                IngressTranslator.LISTEN_PORTS, "[{\"HTTP\": 80}, {\"HTTPS\": 443}]",
                IngressTranslator.SSL_POLICY, "ELBSecurityPolicy-TLS13-1-2-2021-06")), rules);
        assertThat(IngressTranslator.translate(tls13, services::get, Set.of(LB)).config().listeners())
                .extracting(AlbConfig.Listener::protocol, AlbConfig.Listener::sslPolicy)
                .containsExactly(tuple("HTTP", null), tuple("HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06"));

        Ingress bogus = ingress(ipMode(Map.of(IngressTranslator.CERTIFICATE_ARN, CERT,
                IngressTranslator.SSL_POLICY, "ELBSecurityPolicy-Bogus")), rules);
        IngressTranslator.Result refused = IngressTranslator.translate(bogus, services::get, Set.of(LB));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.errors()).singleElement().asString()
                .startsWith("ssl-policy ELBSecurityPolicy-Bogus is not an ELB security policy");
    }

    @Test
    void rulesFollowThePathOrderWithPrefixAndExactPatterns() {
        Ingress ingress = ingress(ipMode(Map.of()), List.of(
                new Ingress.Rule("api.example.com", List.of(
                        new Ingress.Path("/v1/", "Prefix", "api", 8080),
                        new Ingress.Path("/healthz", "Exact", "api", 8080))),
                new Ingress.Rule(null, List.of(new Ingress.Path("/", "Prefix", "nginx", 80)))));

        AlbConfig config = IngressTranslator.translate(ingress, services::get, Set.of(LB)).config();

        List<AlbConfig.Rule> rules = config.listeners().get(0).rules();
        assertThat(rules).extracting(AlbConfig.Rule::priority).containsExactly(1, 2, 3);
        assertThat(rules.get(0).hostHeaders()).containsExactly("api.example.com");
        assertThat(rules.get(0).pathPatterns()).containsExactly("/v1", "/v1/*");
        assertThat(rules.get(1).pathPatterns()).containsExactly("/healthz");
        assertThat(rules.get(2).hostHeaders()).isEmpty();
        assertThat(rules.get(2).pathPatterns()).containsExactly("/*");
        assertThat(rules.get(0).targetGroup()).isEqualTo(rules.get(1).targetGroup());
        assertThat(config.targetGroups()).hasSize(2);
        assertThat(config.targetGroups().get(0).port()).as("the Service's targetPort").isEqualTo(3000);
    }

    @Test
    void withoutListenPortsOrAlgorithmTheControllersDefaultsApply() {
        Ingress plain = ingress(ipMode(Map.of()), List.of(new Ingress.Rule(null,
                List.of(new Ingress.Path("/", "Prefix", "nginx", 80)))));
        AlbConfig config = IngressTranslator.translate(plain, services::get, Set.of(LB)).config();
        assertThat(config.listeners()).extracting(AlbConfig.Listener::protocol, AlbConfig.Listener::port)
                .containsExactly(tuple("HTTP", 80));
        assertThat(config.targetGroups().get(0).algorithm()).isEqualTo("round_robin");

        Ingress withCert = ingress(ipMode(Map.of(IngressTranslator.CERTIFICATE_ARN, CERT)), plain.rules());
        assertThat(IngressTranslator.translate(withCert, services::get, Set.of(LB)).config().listeners())
                .extracting(AlbConfig.Listener::protocol, AlbConfig.Listener::port)
                .containsExactly(tuple("HTTPS", 443));
    }

    @Test
    void whatCannotBeBuiltIsReportedAndNoConfigurationIsMade() {
        Map<String, String> annotations = new HashMap<>(Map.of(
                IngressTranslator.LOAD_BALANCER_NAME, "no-such-alb",
                IngressTranslator.LISTEN_PORTS, "[{\"HTTPS\":443}]",
                IngressTranslator.TARGET_GROUP_ATTRIBUTES, "load_balancing.algorithm.type=weighted_random"));
        Ingress ingress = ingress(annotations, List.of(new Ingress.Rule("a.example.com", List.of(
                new Ingress.Path("/", "Prefix", "missing", 80),
                new Ingress.Path("/x", "Prefix", "nginx", 8080)))));

        IngressTranslator.Result result = IngressTranslator.translate(ingress, services::get, Set.of(LB));

        assertThat(result.ok()).isFalse();
        assertThat(result.config()).isNull();
        assertThat(result.errors()).containsExactlyInAnyOrder(
                "no load balancer named no-such-alb exists",
                "target-type instance is not supported; only target-type ip registers pod IPs",
                "load_balancing.algorithm.type weighted_random is not supported (round_robin or least_outstanding_requests)",
                "backend service default/missing not found",
                "service default/nginx has no port 8080",
                "the HTTPS listener on port 443 needs a certificate-arn");
    }

    @Test
    void targetGroupAttributesSetTheAlgorithmAndTheDeregistrationDelayWithinElbsRange() {
        List<Ingress.Rule> rules = List.of(new Ingress.Rule(null,
                List.of(new Ingress.Path("/", "Prefix", "nginx", 80))));
        Ingress quick = ingress(ipMode(Map.of(IngressTranslator.TARGET_GROUP_ATTRIBUTES,
                "deregistration_delay.timeout_seconds=30, load_balancing.algorithm.type=least_outstanding_requests")),
                rules);
        AlbConfig.TargetGroup group = IngressTranslator.translate(quick, services::get, Set.of(LB)).config()
                .targetGroups().get(0);
        assertThat(group.deregistrationDelaySeconds()).isEqualTo(30);
        assertThat(group.algorithm()).isEqualTo("least_outstanding_requests");

        for (String bad : List.of("3601", "-1", "soon")) {
            Ingress wrong = ingress(ipMode(Map.of(IngressTranslator.TARGET_GROUP_ATTRIBUTES,
                    "deregistration_delay.timeout_seconds=" + bad)), rules);
            assertThat(IngressTranslator.translate(wrong, services::get, Set.of(LB)).errors()).containsExactly(
                    "deregistration_delay.timeout_seconds " + bad + " is not a number of seconds from 0 to 3600");
        }
    }

    @Test
    void generatedNamesKeepTheControllersShapeWithinElbs32Characters() {
        String name = IngressTranslator.awsName("a-very-long-namespace", "some-long-service", "identity");
        assertThat(name).matches("k8s-averylon-somelong-[0-9a-f]{10}").hasSize(32);
        assertThat(IngressTranslator.awsName("a-very-long-namespace", "some-long-service", "identity"))
                .as("stable").isEqualTo(name);
        Ingress unnamed = new Ingress("shop", "front", "alb", Map.of(IngressTranslator.TARGET_TYPE, "ip"), List.of());
        assertThat(IngressTranslator.translate(unnamed, services::get, Set.of()).loadBalancer())
                .matches("k8s-shop-front-[0-9a-f]{10}");
    }

    @Test
    void conditionsAndActionsAnnotationsShapeTheRulesAsInTheGuidesExample() {
        // The guide's example: a fixed-response, a redirect and a forward action, and conditions on a Service.
        Map<String, String> annotations = ipMode(Map.of(
                "alb.ingress.kubernetes.io/actions.response-503", "{\"type\":\"fixed-response\","
                        + "\"fixedResponseConfig\":{\"contentType\":\"text/plain\",\"statusCode\":\"503\","
                        + "\"messageBody\":\"503 error text\"}}",
                "alb.ingress.kubernetes.io/actions.redirect-to-eks", "{\"type\":\"redirect\",\"redirectConfig\":"
                        + "{\"host\":\"aws.amazon.com\",\"path\":\"/eks/\",\"port\":\"443\","
                        + "\"protocol\":\"HTTPS\",\"query\":\"k=v\",\"statusCode\":\"HTTP_302\"}}",
                "alb.ingress.kubernetes.io/actions.forward-api", "{\"type\":\"forward\",\"forwardConfig\":"
                        + "{\"targetGroups\":[{\"serviceName\":\"api\",\"servicePort\":\"8080\"}]}}",
                "alb.ingress.kubernetes.io/conditions.nginx", "[{\"field\":\"http-header\",\"httpHeaderConfig\":"
                        + "{\"httpHeaderName\":\"HeaderName\",\"values\":[\"HeaderValue\"]}}]"));
        Ingress ingress = ingress(annotations, List.of(new Ingress.Rule(null, List.of(
                new Ingress.Path("/503", "Exact", "response-503", 0),
                new Ingress.Path("/eks", "Exact", "redirect-to-eks", 0),
                new Ingress.Path("/api", "Exact", "forward-api", 0),
                new Ingress.Path("/", "Prefix", "nginx", 80)))));

        IngressTranslator.Result result = IngressTranslator.translate(ingress, services::get, Set.of(LB));

        assertThat(result.errors()).isEmpty();
        List<AlbConfig.Rule> rules = result.config().listeners().get(0).rules();
        assertThat(rules.get(0).action()).isEqualTo(new AlbConfig.Action("fixed-response", null,
                new AlbConfig.FixedResponse("503", "text/plain", "503 error text"), null));
        assertThat(rules.get(0).targetGroup()).isNull();
        assertThat(rules.get(1).action().redirect()).isEqualTo(new AlbConfig.Redirect("HTTPS", "aws.amazon.com",
                "443", "/eks/", "k=v", "HTTP_302"));
        String apiGroup = result.config().targetGroups().get(0).name();
        assertThat(result.config().targetGroups().get(0).service()).isEqualTo("default/api");
        assertThat(rules.get(2).action()).isEqualTo(new AlbConfig.Action("forward", apiGroup, null, null));
        assertThat(rules.get(2).targetGroup()).isEqualTo(apiGroup);
        assertThat(rules.get(3).conditions()).containsExactly(new AlbConfig.Condition("http-header", "HeaderName",
                List.of("HeaderValue"), null));
        assertThat(rules.get(3).action()).isNull();
        assertThat(result.config().targetGroups()).hasSize(2);
    }

    @Test
    void aBadActionAnnotationRefusesTheIngress() {
        Ingress ingress = ingress(ipMode(Map.of("alb.ingress.kubernetes.io/actions.broken", "{\"type\":\"nope\"}")),
                List.of(new Ingress.Rule(null, List.of(new Ingress.Path("/", "Prefix", "broken", 0)))));
        IngressTranslator.Result result = IngressTranslator.translate(ingress, services::get, Set.of(LB));
        assertThat(result.errors())
                .containsExactly("actions.broken has unknown type nope (forward, fixed-response or redirect)");
        assertThat(result.config()).isNull();
    }

    @Test
    void sslRedirectMakesTheHttpListenerRedirectToHttpsWithoutRules() {
        // The guide's example: listen-ports [{"HTTP": 80}, {"HTTPS":443}] with ssl-redirect '443'.
        Ingress ingress = ingress(ipMode(Map.of(IngressTranslator.LISTEN_PORTS, "[{\"HTTP\": 80}, {\"HTTPS\":443}]",
                IngressTranslator.CERTIFICATE_ARN, CERT, IngressTranslator.SSL_REDIRECT, "443")),
                List.of(new Ingress.Rule(null, List.of(new Ingress.Path("/", "Prefix", "nginx", 80)))));

        AlbConfig config = IngressTranslator.translate(ingress, services::get, Set.of(LB)).config();

        AlbConfig.Listener http = config.listeners().get(0);
        assertThat(http.port()).isEqualTo(80);
        assertThat(http.rules()).isEmpty();
        assertThat(http.defaultAction()).isEqualTo("redirect:HTTPS:443:HTTP_301");
        assertThat(http.defaultRedirect()).isEqualTo(new AlbConfig.Action("redirect", null, null,
                new AlbConfig.Redirect("HTTPS", null, "443", null, null, "HTTP_301")));
        AlbConfig.Listener https = config.listeners().get(1);
        assertThat(https.rules()).hasSize(1);
        assertThat(https.defaultRedirect()).isNull();
    }

    @Test
    void sslRedirectToAPortWithoutAnHttpsListenerIsRefused() {
        Ingress ingress = ingress(ipMode(Map.of(IngressTranslator.SSL_REDIRECT, "443")),
                List.of(new Ingress.Rule(null, List.of(new Ingress.Path("/", "Prefix", "nginx", 80)))));
        assertThat(IngressTranslator.translate(ingress, services::get, Set.of(LB)).errors())
                .containsExactly("ssl-redirect 443 is not an HTTPS port of listen-ports");
    }
}

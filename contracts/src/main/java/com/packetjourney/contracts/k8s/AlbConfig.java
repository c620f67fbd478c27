package com.packetjourney.contracts.k8s;

import java.util.List;

/**
 * The listeners, rules and target groups the ALB controller reconciled from an Ingress, keyed by load balancer.
 */
public record AlbConfig(String loadBalancer, String ingress, List<Listener> listeners, List<TargetGroup> targetGroups) {

    /**
     * {@code defaultAction} names the default action ("fixed-response:404"); {@code defaultRedirect}, when not null,
     * is the default action itself (a redirect, e.g. the ssl-redirect annotation's HTTP to HTTPS).
     * {@code sslPolicy} is an HTTPS listener's security policy ({@link SecurityPolicy}); null on HTTP listeners and
     * in records written before it existed, where the controller's default applies.
     */
    public record Listener(int port, String protocol, List<String> certificateArns, List<Rule> rules,
                           String defaultAction, Action defaultRedirect, String sslPolicy) {
        public Listener(int port, String protocol, List<String> certificateArns, List<Rule> rules,
                        String defaultAction, Action defaultRedirect) {
            this(port, protocol, certificateArns, rules, defaultAction, defaultRedirect, null);
        }

        public Listener(int port, String protocol, List<String> certificateArns, List<Rule> rules,
                        String defaultAction) {
            this(port, protocol, certificateArns, rules, defaultAction, null);
        }
    }

    /**
     * An ALB rule: host-header and path-pattern values, plus any further {@code conditions} (ANDed across
     * conditions, values ORed within one). {@code action} null means forward to {@code targetGroup}.
     */
    public record Rule(int priority, List<String> hostHeaders, List<String> pathPatterns, String targetGroup,
                       List<Condition> conditions, Action action) {
        public Rule(int priority, List<String> hostHeaders, List<String> pathPatterns, String targetGroup) {
            this(priority, hostHeaders, pathPatterns, targetGroup, List.of(), null);
        }
    }

    /**
     * One rule condition as ELB's API has it: {@code field} host-header, path-pattern, http-header (with
     * {@code httpHeaderName}), http-request-method, source-ip (CIDR blocks) take {@code values}; query-string
     * takes {@code queryStrings}.
     */
    public record Condition(String field, String httpHeaderName, List<String> values, List<QueryString> queryStrings) {
    }

    /** A query-string condition's pair; a null key matches any key. */
    public record QueryString(String key, String value) {
    }

    /** A rule action: {@code type} forward (to {@code targetGroup}), fixed-response or redirect. */
    public record Action(String type, String targetGroup, FixedResponse fixedResponse, Redirect redirect) {
    }

    public record FixedResponse(String statusCode, String contentType, String messageBody) {
    }

    /** Each part may hold #{protocol}, #{host}, #{port}, #{path}, #{query}; statusCode HTTP_301 or HTTP_302. */
    public record Redirect(String protocol, String host, String port, String path, String query,
                           String statusCode) {
    }

    /**
     * {@code deregistrationDelaySeconds} is how long a deregistered target stays draining
     * (deregistration_delay.timeout_seconds, 300 unless the Ingress says otherwise). {@code healthCheck} is null in
     * records written before it existed, where the controller's defaults apply.
     */
    public record TargetGroup(String name, String protocol, int port, String targetType, String algorithm,
                              String service, int deregistrationDelaySeconds, HealthCheck healthCheck) {
        public TargetGroup(String name, String protocol, int port, String targetType, String algorithm,
                           String service, int deregistrationDelaySeconds) {
            this(name, protocol, port, targetType, algorithm, service, deregistrationDelaySeconds, null);
        }
    }

    /**
     * The target group's health check, from the healthcheck-* annotations: HTTP GET {@code path} on the traffic
     * port every {@code intervalSeconds}, failed when no answer within {@code timeoutSeconds} or a status outside
     * {@code successCodes}; {@code healthyThreshold} passes in a row make a target healthy, {@code
     * unhealthyThreshold} failures unhealthy.
     */
    public record HealthCheck(String path, int intervalSeconds, int timeoutSeconds, int healthyThreshold,
                              int unhealthyThreshold, String successCodes) {
        /** The AWS Load Balancer Controller's defaults (annotations guide): /, 15 s, 5 s, 2, 2, 200. */
        public static final HealthCheck CONTROLLER_DEFAULTS = new HealthCheck("/", 15, 5, 2, 2, "200");
    }
}

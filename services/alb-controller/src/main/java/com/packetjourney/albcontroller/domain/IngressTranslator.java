package com.packetjourney.albcontroller.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.SecurityPolicy;
import com.packetjourney.contracts.k8s.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an Ingress of class {@code alb} into the load balancer configuration the AWS Load Balancer Controller
 * builds for it: listeners from listen-ports, one rule per Ingress path in the Ingress's order (with the
 * conditions.* and actions.* annotations, see {@link RuleAnnotations}), a fixed-response 404 default action (or,
 * with ssl-redirect, a redirect to HTTPS on the HTTP listeners), and one IP-mode target group per backend Service
 * port. Annotations as documented at
 * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/.
 */
public final class IngressTranslator {
    public static final String INGRESS_CLASS = "alb";
    private static final String PREFIX = "alb.ingress.kubernetes.io/";
    public static final String LOAD_BALANCER_NAME = PREFIX + "load-balancer-name";
    public static final String LISTEN_PORTS = PREFIX + "listen-ports";
    public static final String CERTIFICATE_ARN = PREFIX + "certificate-arn";
    public static final String TARGET_TYPE = PREFIX + "target-type";
    public static final String SCHEME = PREFIX + "scheme";
    public static final String TARGET_GROUP_ATTRIBUTES = PREFIX + "target-group-attributes";
    public static final String SSL_REDIRECT = PREFIX + "ssl-redirect";
    /** The HTTPS listeners' ELB security policy; ELBSecurityPolicy-2016-08 when absent. */
    public static final String SSL_POLICY = PREFIX + "ssl-policy";
    static final String FORWARD = "forward";
    public static final String ALGORITHM_ATTRIBUTE = "load_balancing.algorithm.type";
    public static final String DEREGISTRATION_DELAY_ATTRIBUTE = "deregistration_delay.timeout_seconds";
    /** ELB's default deregistration delay, and the range it accepts (ELB user guide, "Deregistration delay"). */
    public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 300;
    static final int MAX_DEREGISTRATION_DELAY_SECONDS = 3600;

    public static final String ROUND_ROBIN = "round_robin";
    public static final String LEAST_OUTSTANDING_REQUESTS = "least_outstanding_requests";
    /** The controller's default action when no rule matches: a plain 404. */
    public static final String DEFAULT_ACTION = "fixed-response:404";
    public static final String TARGET_TYPE_IP = "ip";
    static final String TARGET_PROTOCOL = "HTTP";

    private static final TypeReference<List<Map<String, Integer>>> LISTEN_PORTS_TYPE = new TypeReference<>() {
    };

    private IngressTranslator() {
    }

    /** The outcome for one Ingress: a configuration when {@code errors} is empty. */
    public record Result(String ingress, String loadBalancer, AlbConfig config, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static String keyOf(Ingress ingress) {
        return ingress.namespace() + "/" + ingress.name();
    }

    public static boolean isAlbIngress(Ingress ingress) {
        return INGRESS_CLASS.equals(ingress.ingressClassName());
    }

    /**
     * @param services      Services by "namespace/name"
     * @param loadBalancers the names of the load balancers that exist
     */
    public static Result translate(Ingress ingress, Function<String, Service> services, Set<String> loadBalancers) {
        String key = keyOf(ingress);
        Map<String, String> annotations = ingress.annotations() == null ? Map.of() : ingress.annotations();
        List<String> errors = new ArrayList<>();

        String loadBalancer = annotations.getOrDefault(LOAD_BALANCER_NAME,
                awsName(ingress.namespace(), ingress.name(), key + annotations.getOrDefault(SCHEME, "internal")));
        if (!loadBalancers.contains(loadBalancer)) {
            errors.add("no load balancer named " + loadBalancer + " exists");
        }
        // The controller's default is instance mode (node ports); only IP mode (pod IPs as targets) is modelled.
        String targetType = annotations.getOrDefault(TARGET_TYPE, "instance");
        if (!TARGET_TYPE_IP.equals(targetType)) {
            errors.add("target-type " + targetType + " is not supported; only target-type ip registers pod IPs");
        }
        Map<String, String> attributes = attributes(annotations.get(TARGET_GROUP_ATTRIBUTES));
        String algorithm = algorithm(attributes, errors);
        int deregistrationDelay = deregistrationDelay(attributes, errors);
        AlbConfig.HealthCheck healthCheck = HealthCheckAnnotations.parse(annotations, errors);
        List<String> certificates = certificates(annotations.get(CERTIFICATE_ARN));

        Map<String, AlbConfig.TargetGroup> targetGroups = new LinkedHashMap<>();
        List<AlbConfig.Rule> rules = new ArrayList<>();
        int priority = 1;
        for (Ingress.Rule rule : ingress.rules() == null ? List.<Ingress.Rule>of() : ingress.rules()) {
            for (Ingress.Path path : rule.paths() == null ? List.<Ingress.Path>of() : rule.paths()) {
                String backend = path.serviceName();
                List<AlbConfig.Condition> conditions = RuleAnnotations.conditions(annotations, backend, errors);
                RuleAnnotations.Action annotated = RuleAnnotations.action(annotations, backend, errors);
                List<String> patterns = pathPatterns(path, errors);
                if (patterns.isEmpty() || (annotated == null && annotations.containsKey(
                        RuleAnnotations.ACTIONS_PREFIX + backend))) {
                    continue;
                }
                AlbConfig.Action action = annotated == null ? null : annotated.action();
                String groupName = null;
                if (annotated == null || annotated.service() != null) {
                    Ingress.Path target = annotated == null ? path : forwardPath(path, annotated, errors);
                    AlbConfig.TargetGroup group = target == null ? null : targetGroup(ingress, key, target, services,
                            targetType, algorithm, deregistrationDelay, healthCheck, errors);
                    if (group == null) {
                        continue;
                    }
                    targetGroups.putIfAbsent(group.name(), group);
                    groupName = group.name();
                    if (annotated != null) {
                        action = new AlbConfig.Action(FORWARD, groupName, null, null);
                    }
                }
                List<String> hosts = rule.host() == null || rule.host().isBlank() ? List.of() : List.of(rule.host());
                rules.add(new AlbConfig.Rule(priority++, hosts, patterns, groupName, conditions, action));
            }
        }

        List<Map.Entry<String, Integer>> ports = listenPorts(annotations.get(LISTEN_PORTS), certificates, errors);
        AlbConfig.Action sslRedirect = sslRedirect(annotations.get(SSL_REDIRECT), ports, errors);
        String sslPolicy = annotations.getOrDefault(SSL_POLICY, SecurityPolicy.CONTROLLER_DEFAULT).trim();
        if (SecurityPolicy.named(sslPolicy).isEmpty()) {
            errors.add("ssl-policy " + sslPolicy + " is not an ELB security policy (known: "
                    + String.join(", ", SecurityPolicy.knownNames()) + ")");
        }
        List<AlbConfig.Listener> listeners = new ArrayList<>();
        for (Map.Entry<String, Integer> port : ports) {
            boolean https = port.getKey().equals("HTTPS");
            if (https && certificates.isEmpty()) {
                errors.add("the HTTPS listener on port " + port.getValue() + " needs a certificate-arn");
            }
            if (!https && sslRedirect != null) {
                // With ssl-redirect every HTTP listener only redirects: the controller attaches no rules to it.
                listeners.add(new AlbConfig.Listener(port.getValue(), port.getKey(), List.of(), List.of(),
                        "redirect:HTTPS:" + sslRedirect.redirect().port() + ":" + sslRedirect.redirect().statusCode(),
                        sslRedirect));
                continue;
            }
            // Every listener of the Ingress gets the same rules, as the controller attaches them all.
            listeners.add(new AlbConfig.Listener(port.getValue(), port.getKey(), https ? certificates : List.of(),
                    rules, DEFAULT_ACTION, null, https ? sslPolicy : null));
        }
        AlbConfig config = errors.isEmpty()
                ? new AlbConfig(loadBalancer, key, listeners, List.copyOf(targetGroups.values())) : null;
        return new Result(key, loadBalancer, config, List.copyOf(errors));
    }

    /**
     * Path to ALB path-pattern values as the controller writes them: Prefix "/" matches everything ("/*"),
     * Prefix "/api" matches "/api" itself and everything below it; Exact and ImplementationSpecific keep the path.
     */
    static List<String> pathPatterns(Ingress.Path path, List<String> errors) {
        String p = path.path() == null || path.path().isEmpty() ? "/" : path.path();
        String type = path.pathType() == null ? "ImplementationSpecific" : path.pathType();
        switch (type) {
            case "Prefix" -> {
                String base = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
                return base.isEmpty() ? List.of("/*") : List.of(base, base + "/*");
            }
            case "Exact", "ImplementationSpecific" -> {
                return List.of(p);
            }
            default -> {
                errors.add("path " + p + " has unknown pathType " + type);
                return List.of();
            }
        }
    }

    /** The Ingress path re-aimed at a forward action's backend Service and port. */
    private static Ingress.Path forwardPath(Ingress.Path path, RuleAnnotations.Action forward, List<String> errors) {
        try {
            return new Ingress.Path(path.path(), path.pathType(), forward.service(),
                    Integer.parseInt(forward.servicePort()));
        } catch (NumberFormatException e) {
            errors.add("actions." + path.serviceName() + " forward servicePort " + forward.servicePort()
                    + " is not a port number");
            return null;
        }
    }

    /**
     * ssl-redirect names the HTTPS port to redirect to; it must be one of the Ingress's HTTPS listen-ports. The
     * redirect keeps host, path and query (ELB's defaults) and answers HTTP_301.
     */
    private static AlbConfig.Action sslRedirect(String annotation, List<Map.Entry<String, Integer>> ports,
                                                List<String> errors) {
        if (annotation == null) {
            return null;
        }
        if (!ports.contains(Map.entry("HTTPS", parsePort(annotation)))) {
            errors.add("ssl-redirect " + annotation + " is not an HTTPS port of listen-ports");
            return null;
        }
        return new AlbConfig.Action("redirect", null, null,
                new AlbConfig.Redirect("HTTPS", null, annotation.trim(), null, null, "HTTP_301"));
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static AlbConfig.TargetGroup targetGroup(Ingress ingress, String ingressKey, Ingress.Path path,
                                                     Function<String, Service> services, String targetType,
                                                     String algorithm, int deregistrationDelay,
                                                     AlbConfig.HealthCheck healthCheck, List<String> errors) {
        String serviceKey = ingress.namespace() + "/" + path.serviceName();
        Service service = services.apply(serviceKey);
        if (service == null) {
            errors.add("backend service " + serviceKey + " not found");
            return null;
        }
        if (service.port() != path.servicePort()) {
            errors.add("service " + serviceKey + " has no port " + path.servicePort());
            return null;
        }
        String name = awsName(service.namespace(), service.name(), ingressKey + service.namespace() + service.name()
                + service.port() + service.targetPort() + targetType + TARGET_PROTOCOL + "HTTP1");
        return new AlbConfig.TargetGroup(name, TARGET_PROTOCOL, service.targetPort(), targetType, algorithm,
                serviceKey, deregistrationDelay, healthCheck);
    }

    /** target-group-attributes: "key=value" pairs separated by commas, as the controller passes them to ELB. */
    private static Map<String, String> attributes(String annotation) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (annotation != null) {
            for (String attribute : annotation.split(",")) {
                String[] kv = attribute.trim().split("=", 2);
                if (kv.length == 2) {
                    attributes.put(kv[0].trim(), kv[1].trim());
                }
            }
        }
        return attributes;
    }

    private static String algorithm(Map<String, String> attributes, List<String> errors) {
        String algorithm = attributes.getOrDefault(ALGORITHM_ATTRIBUTE, ROUND_ROBIN);
        if (!algorithm.equals(ROUND_ROBIN) && !algorithm.equals(LEAST_OUTSTANDING_REQUESTS)) {
            errors.add(ALGORITHM_ATTRIBUTE + " " + algorithm + " is not supported (round_robin or "
                    + "least_outstanding_requests)");
        }
        return algorithm;
    }

    private static int deregistrationDelay(Map<String, String> attributes, List<String> errors) {
        String value = attributes.get(DEREGISTRATION_DELAY_ATTRIBUTE);
        if (value == null) {
            return DEFAULT_DEREGISTRATION_DELAY_SECONDS;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0 && seconds <= MAX_DEREGISTRATION_DELAY_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(DEREGISTRATION_DELAY_ATTRIBUTE + " " + value + " is not a number of seconds from 0 to "
                + MAX_DEREGISTRATION_DELAY_SECONDS);
        return DEFAULT_DEREGISTRATION_DELAY_SECONDS;
    }

    private static List<String> certificates(String annotation) {
        if (annotation == null) {
            return List.of();
        }
        return Arrays.stream(annotation.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** listen-ports defaults to HTTP:80, or HTTPS:443 when a certificate is given. */
    private static List<Map.Entry<String, Integer>> listenPorts(String annotation, List<String> certificates,
                                                                List<String> errors) {
        if (annotation == null) {
            return List.of(certificates.isEmpty() ? Map.entry("HTTP", 80) : Map.entry("HTTPS", 443));
        }
        List<Map<String, Integer>> parsed;
        try {
            parsed = Json.mapper().readValue(annotation, LISTEN_PORTS_TYPE);
        } catch (JsonProcessingException e) {
            errors.add("listen-ports is not a JSON list of {\"PROTOCOL\": port}: " + annotation);
            return List.of();
        }
        List<Map.Entry<String, Integer>> ports = new ArrayList<>();
        for (Map<String, Integer> entry : parsed) {
            entry.forEach((protocol, port) -> {
                if (protocol.equals("HTTP") || protocol.equals("HTTPS")) {
                    ports.add(Map.entry(protocol, port));
                } else {
                    errors.add("listen-ports protocol " + protocol + " is not HTTP or HTTPS");
                }
            });
        }
        return ports;
    }

    /**
     * Names as the controller generates them for load balancers and target groups: "k8s-" + namespace and name
     * (non-alphanumerics dropped, each cut to 8 characters) + the first 10 hex digits of a SHA-256 over what
     * identifies the resource, so the name fits ELB's 32-character limit.
     */
    static String awsName(String namespace, String name, String identity) {
        return String.format("k8s-%.8s-%.8s-%.10s", alnum(namespace), alnum(name), sha256Hex(identity));
    }

    private static String alnum(String s) {
        return s.replaceAll("[^A-Za-z0-9]", "");
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

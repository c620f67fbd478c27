package com.packetjourney.albcontroller.domain;

import com.packetjourney.contracts.k8s.AlbConfig;

import java.util.List;
import java.util.Map;

/**
 * The target group health check from an Ingress's healthcheck-* annotations, with the controller's defaults (path
 * /, interval 15 s, timeout 5 s, healthy threshold 2, unhealthy threshold 2, success code 200) and within the
 * ranges ELB accepts (ELB User Guide, "Health checks for your target groups": interval 5-300 s, timeout 2-120 s and
 * below the interval, thresholds 2-10).
 */
public final class HealthCheckAnnotations {
    private static final String PREFIX = "alb.ingress.kubernetes.io/";
    public static final String PATH = PREFIX + "healthcheck-path";
    public static final String INTERVAL = PREFIX + "healthcheck-interval-seconds";
    public static final String TIMEOUT = PREFIX + "healthcheck-timeout-seconds";
    public static final String HEALTHY_THRESHOLD = PREFIX + "healthy-threshold-count";
    public static final String UNHEALTHY_THRESHOLD = PREFIX + "unhealthy-threshold-count";
    public static final String SUCCESS_CODES = PREFIX + "success-codes";

    private HealthCheckAnnotations() {
    }

    /** The health check the annotations ask for; what is out of range is added to {@code errors}. */
    public static AlbConfig.HealthCheck parse(Map<String, String> annotations, List<String> errors) {
        AlbConfig.HealthCheck d = AlbConfig.HealthCheck.CONTROLLER_DEFAULTS;
        String path = annotations.getOrDefault(PATH, d.path()).trim();
        if (!path.startsWith("/")) {
            errors.add("healthcheck-path " + path + " must start with /");
        }
        int interval = number(annotations, INTERVAL, d.intervalSeconds(), 5, 300, errors);
        int timeout = number(annotations, TIMEOUT, d.timeoutSeconds(), 2, 120, errors);
        if (timeout >= interval) {
            errors.add("healthcheck-timeout-seconds " + timeout + " must be below healthcheck-interval-seconds "
                    + interval);
        }
        int healthy = number(annotations, HEALTHY_THRESHOLD, d.healthyThreshold(), 2, 10, errors);
        int unhealthy = number(annotations, UNHEALTHY_THRESHOLD, d.unhealthyThreshold(), 2, 10, errors);
        String codes = annotations.getOrDefault(SUCCESS_CODES, d.successCodes()).trim();
        if (!codes.matches("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*")) {
            errors.add("success-codes " + codes + " is not a list of HTTP codes or ranges, e.g. 200,300-399");
        }
        return new AlbConfig.HealthCheck(path, interval, timeout, healthy, unhealthy, codes);
    }

    private static int number(Map<String, String> annotations, String key, int fallback, int min, int max,
                              List<String> errors) {
        String value = annotations.get(key);
        if (value == null) {
            return fallback;
        }
        String name = key.substring(PREFIX.length());
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                errors.add(name + " " + n + " is outside " + min + "-" + max);
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(name + " " + value + " is not a number");
            return fallback;
        }
    }
}

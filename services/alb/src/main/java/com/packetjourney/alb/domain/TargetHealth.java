package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.AlbConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * ELB's health checks of one registered target, on simulated time (ELB User Guide, "Health checks for your target
 * groups"): a check every interval from registration; it passes when the target answers one of the success codes
 * within the timeout. A new target is {@code initial} until it has passed the healthy threshold of checks in a row
 * (or failed the unhealthy threshold); afterwards that many passes in a row make it healthy, that many failures
 * unhealthy. Reasons are ELB's TargetHealthReasonEnum codes.
 */
public final class TargetHealth {
    public static final String INITIAL = "initial";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
    /** How many of the latest checks are kept to show. */
    private static final int KEPT = 10;

    /** What a check got from the target: an HTTP status after some time, a reset, or no answer at all. */
    public record Answer(Integer status, long afterMicros, boolean refused) {
        public static Answer status(int status, long afterMicros) {
            return new Answer(status, afterMicros, false);
        }

        /** Nothing listens on the port: the target's kernel resets the connection. */
        public static Answer refused(long afterMicros) {
            return new Answer(null, afterMicros, true);
        }

        /** No SYN-ACK, or nothing after it: the check times out. */
        public static Answer none() {
            return new Answer(null, Long.MAX_VALUE, false);
        }
    }

    /** How the target answers a check started at an instant. */
    @FunctionalInterface
    public interface Target {
        Answer check(Instant at);
    }

    /** One health check: when it started, whether it passed, and ELB's reason when it did not. */
    public record Check(Instant at, boolean passed, String reason) {
    }

    private final AlbConfig.HealthCheck settings;
    private final Instant registeredAt;
    private final Deque<Check> checks = new ArrayDeque<>();
    private String state = INITIAL;
    private String reason = "Elb.InitialHealthChecking";
    private int passesInARow;
    private int failuresInARow;
    private long checksRun;

    public TargetHealth(AlbConfig.HealthCheck settings, Instant registeredAt) {
        this.settings = settings == null ? AlbConfig.HealthCheck.CONTROLLER_DEFAULTS : settings;
        this.registeredAt = registeredAt;
    }

    /** Runs every check that has completed by {@code now} and was not run yet. */
    public void advanceTo(Instant now, Target target) {
        Duration interval = Duration.ofSeconds(settings.intervalSeconds());
        long timeout = settings.timeoutSeconds() * 1_000_000L;
        while (true) {
            Instant start = registeredAt.plus(interval.multipliedBy(checksRun));
            Answer answer = target.check(start);
            boolean inTime = answer.afterMicros() <= timeout;
            Instant done = start.plus(Duration.ofNanos(Math.min(answer.afterMicros(), timeout) * 1000));
            if (done.isAfter(now)) {
                return;
            }
            checksRun++;
            String failure = !inTime ? "Target.Timeout" : answer.refused() ? "Target.FailedHealthChecks"
                    : !succeeds(answer.status()) ? "Target.ResponseCodeMismatch" : null;
            record(new Check(start, failure == null, failure));
        }
    }

    private void record(Check check) {
        checks.addLast(check);
        if (checks.size() > KEPT) {
            checks.removeFirst();
        }
        if (check.passed()) {
            passesInARow++;
            failuresInARow = 0;
            if (passesInARow >= settings.healthyThreshold()) {
                state = HEALTHY;
                reason = null;
            }
        } else {
            failuresInARow++;
            passesInARow = 0;
            if (failuresInARow >= settings.unhealthyThreshold()) {
                state = UNHEALTHY;
                reason = check.reason();
            }
        }
    }

    /** Whether a status is one of the success codes ("200", "200,300-399", "200-299"). */
    boolean succeeds(int status) {
        for (String part : settings.successCodes().split(",")) {
            String[] range = part.trim().split("-");
            int low = Integer.parseInt(range[0]);
            int high = range.length == 2 ? Integer.parseInt(range[1]) : low;
            if (status >= low && status <= high) {
                return true;
            }
        }
        return false;
    }

    public String state() {
        return state;
    }

    /** ELB's reason code; null when healthy. */
    public String reason() {
        return reason;
    }

    public List<Check> recentChecks() {
        return List.copyOf(checks);
    }

    /**
     * The targets a request may go to: the healthy ones; when none is healthy but some are unhealthy, all of those
     * ("fail open": a target group of only unhealthy targets gets requests regardless of health). Targets still in
     * their initial checks get none; nothing routable means HTTP 503.
     */
    public static <T> List<T> routable(List<T> targets, java.util.function.Function<T, String> stateOf) {
        List<T> healthy = targets.stream().filter(t -> HEALTHY.equals(stateOf.apply(t))).toList();
        if (!healthy.isEmpty()) {
            return healthy;
        }
        return targets.stream().filter(t -> UNHEALTHY.equals(stateOf.apply(t))).toList();
    }
}

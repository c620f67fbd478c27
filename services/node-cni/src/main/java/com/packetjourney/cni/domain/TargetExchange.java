package com.packetjourney.cni.domain;

/**
 * What the ALB makes of its connection to a target (ELB User Guide, "Troubleshoot your Application Load Balancers"):
 * a target that never answers the ALB's SYN gives HTTP 504 once the ALB's 10 s connection timeout expires; a
 * target that resets the connection gives 502 at once; a target slower than the load balancer's idle timeout
 * (idle_timeout.timeout_seconds, 60 s by default) gives 504 when that timeout expires; otherwise the target's
 * answer goes back. No healthy target at all (503) is decided before any connection, by the ALB itself.
 */
public record TargetExchange(int status, long elapsedMicros, String explanation) {
    /** The ALB's timeout for establishing a connection to a target. */
    public static final long CONNECT_TIMEOUT_MICROS = 10_000_000;
    /** The default of the load balancer attribute idle_timeout.timeout_seconds. */
    public static final long DEFAULT_IDLE_TIMEOUT_MICROS = 60_000_000;

    /** The target's SYN-ACK never comes (no host owns the address, or a security group drops the SYN). */
    public static TargetExchange unanswered(String target) {
        return new TargetExchange(504, CONNECT_TIMEOUT_MICROS, "the ALB's SYN to " + target + " was not answered "
                + "within its 10 s connection timeout, so it answers 504 Gateway Timeout");
    }

    /** The target's kernel answered the SYN with RST after one round trip. */
    public static TargetExchange reset(String target, long roundTripMicros) {
        return new TargetExchange(502, roundTripMicros, target + " reset the connection, so the ALB answers "
                + "502 Bad Gateway");
    }

    /**
     * The target answered after {@code responseMicros} (connection, request and response): the response when
     * within the idle timeout, else 504 once the timeout expires.
     */
    public static TargetExchange answered(String target, int status, long responseMicros, long idleTimeoutMicros) {
        if (responseMicros > idleTimeoutMicros) {
            return new TargetExchange(504, idleTimeoutMicros, target + " sent nothing for the load balancer's idle "
                    + "timeout of " + idleTimeoutMicros / 1_000_000 + " s, so the ALB answers 504 Gateway Timeout");
        }
        return new TargetExchange(status, responseMicros, target + " answered " + status);
    }

    public boolean isGatewayError() {
        return status == 502 || status == 503 || status == 504;
    }
}

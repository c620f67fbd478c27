package com.packetjourney.metrics;

/**
 * The label names every packet-journey metric uses, so one query can join or aggregate metrics of any service.
 * Label values of hops are the hops' wire names ("dns.resolved"), as in the events and journey views.
 */
public final class Labels {
    public static final String SERVICE = "service";
    public static final String HOP = "hop";
    public static final String OUTCOME = "outcome";
    public static final String CODE = "code";
    /** The code of an outcome that is not a failure: every series of a metric carries the same label names. */
    public static final String NO_CODE = "none";

    private Labels() {
    }
}

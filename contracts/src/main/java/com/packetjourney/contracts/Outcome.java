package com.packetjourney.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a hop concluded: ok, or failed with a named code and a one-line explanation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcome(Status status, FailureCode code, String message) {
    public enum Status {
        OK, FAILED
    }

    public static Outcome ok() {
        return new Outcome(Status.OK, null, null);
    }

    public static Outcome failed(FailureCode code, String message) {
        return new Outcome(Status.FAILED, code, message);
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}

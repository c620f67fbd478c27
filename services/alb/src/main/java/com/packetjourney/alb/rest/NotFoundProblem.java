package com.packetjourney.alb.rest;

/** A request naming something that does not exist; {@code field} is the request field that named it. */
public class NotFoundProblem extends RuntimeException {
    private final String field;

    public NotFoundProblem(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

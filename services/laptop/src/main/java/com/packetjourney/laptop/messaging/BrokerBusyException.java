package com.packetjourney.laptop.messaging;

/** Too many journeys are waiting for the broker's acknowledgement: the request is refused, to be retried. */
public class BrokerBusyException extends RuntimeException {
    public BrokerBusyException(int inFlight) {
        super(inFlight + " journeys are waiting for the broker to acknowledge them; retry in a moment");
    }
}

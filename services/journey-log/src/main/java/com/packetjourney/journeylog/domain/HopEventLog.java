package com.packetjourney.journeylog.domain;

import com.packetjourney.contracts.HopEvent;

import java.util.List;

/** The hop topics read by position: how the read model gets back the events of a journey it no longer holds. */
public interface HopEventLog {
    /**
     * The events at these positions, in the same order.
     *
     * @throws IllegalStateException if one of them cannot be read (gone with the topic's retention, broker down)
     */
    List<HopEvent> read(List<LogPosition> positions);
}

package com.packetjourney.journeylog.service;

import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.journeylog.capture.JourneyCapture;
import com.packetjourney.journeylog.domain.LogPosition;
import com.packetjourney.journeylog.trace.OtlpTrace;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A journey of the log as other tools read it: its packets (pcapng), its trace (OTLP), its steps and log positions. */
public class JourneyExport {
    private final JourneyLogService log;
    private final JourneyCapture.AlbNodes albNodes;

    public JourneyExport(JourneyLogService log, JourneyCapture.AlbNodes albNodes) {
        this.log = log;
        this.albNodes = albNodes;
    }

    /** The journey's steps and packets; empty when no event of it has been read. */
    public Optional<JourneyCapture> capture(String journeyId) {
        return log.journey(journeyId).map(this::capture);
    }

    public JourneyCapture capture(JourneyView journey) {
        return JourneyCapture.of(journey, albNodes);
    }

    public Optional<OtlpTrace> trace(String journeyId) {
        return capture(journeyId).map(this::trace);
    }

    public OtlpTrace trace(JourneyCapture capture) {
        Map<HopType, LogPosition> byHop = new EnumMap<>(HopType.class);
        // event ids derive from journey and hop, so a hop has one event and one position
        positions(capture.journey().journeyId()).forEach(p -> byHop.putIfAbsent(p.hop(), p));
        return OtlpTrace.of(capture, byHop);
    }

    public List<LogPosition> positions(String journeyId) {
        return log.positions(journeyId);
    }
}

package com.packetjourney.journeylog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.packetjourney.journeylog.capture.CapturedPacket;
import com.packetjourney.journeylog.capture.JourneyCapture;
import com.packetjourney.journeylog.capture.Step;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the viewer draws inside each hop: the steps with their simulated start and duration in microseconds from the
 * journey's start, their attributes and events, and the frames each put on a wire (numbered as in the pcapng file,
 * bytes in base64).
 */
public record JourneySteps(String journeyId, Instant simStartedAt, List<Hop> hops) {

    public record Hop(int hop, String type, List<StepView> steps) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record StepView(String name, String kind, long startMicros, long durationMicros,
                           Map<String, Object> attributes, List<EventView> events, List<PacketView> packets,
                           List<StepView> children) {
    }

    public record EventView(long atMicros, String name) {
    }

    public record PacketView(int number, long atMicros, String capturePoint, String summary, String frame) {
    }

    static JourneySteps of(JourneyCapture capture) {
        Instant origin = capture.journey().simStartedAt() != null ? capture.journey().simStartedAt() : Instant.EPOCH;
        Map<CapturedPacket, Integer> numbers = new IdentityHashMap<>();
        List<CapturedPacket> packets = capture.packets();
        for (int i = 0; i < packets.size(); i++) {
            numbers.put(packets.get(i), i + 1);
        }
        List<Hop> hops = capture.hops().stream().map(h -> new Hop(h.hop().hop(), h.hop().hopType().wireName(),
                h.steps().stream().map(s -> view(s, origin, numbers)).toList())).toList();
        return new JourneySteps(capture.journey().journeyId(), capture.journey().simStartedAt(), hops);
    }

    private static StepView view(Step step, Instant origin, Map<CapturedPacket, Integer> numbers) {
        return new StepView(step.name(), step.kind(), micros(origin, step.start()), step.durationMicros(),
                step.attributes(),
                step.events().stream().map(e -> new EventView(micros(origin, e.at()), e.name())).toList(),
                step.packets().stream().map(p -> new PacketView(numbers.get(p), micros(origin, p.at()),
                        p.point().interfaceName(), p.summary(), Base64.getEncoder().encodeToString(p.frame())))
                        .toList(),
                step.children().stream().map(c -> view(c, origin, numbers)).toList());
    }

    private static long micros(Instant origin, Instant at) {
        return Duration.between(origin, at).toNanos() / 1000;
    }
}

package com.packetjourney.contracts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hops of a journey in the order a request meets them: the one place that says which service computes which
 * hop, what it reads and what it writes. A hop's input is the topic of the hop before it. Order is a property of
 * the chain, identity a property of the hop ({@link HopDefinition#number()}), so a hop can be inserted without
 * changing how any stored event or snapshot reads.
 */
public final class HopChain {
    /** The journey packet-journey simulates, laptop to pod. */
    public static final HopChain STANDARD = new HopChain(java.util.Arrays.stream(HopType.values())
            .map(HopType::definition).toList());

    private final List<HopDefinition> hops;
    private final Map<Integer, Integer> positionByNumber = new HashMap<>();
    private final Map<String, Integer> positionByWireName = new HashMap<>();

    public HopChain(List<HopDefinition> hops) {
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least one hop");
        }
        this.hops = List.copyOf(hops);
        for (int i = 0; i < this.hops.size(); i++) {
            HopDefinition hop = this.hops.get(i);
            if (positionByNumber.put(hop.number(), i) != null) {
                throw new IllegalArgumentException("hop number " + hop.number() + " used twice");
            }
            if (positionByWireName.put(hop.wireName(), i) != null) {
                throw new IllegalArgumentException("hop type " + hop.wireName() + " used twice");
            }
        }
    }

    /** Every hop, in journey order. */
    public List<HopDefinition> hops() {
        return hops;
    }

    public int size() {
        return hops.size();
    }

    public HopDefinition first() {
        return hops.get(0);
    }

    public HopDefinition last() {
        return hops.get(hops.size() - 1);
    }

    public Optional<HopDefinition> byNumber(int number) {
        Integer position = positionByNumber.get(number);
        return position == null ? Optional.empty() : Optional.of(hops.get(position));
    }

    public Optional<HopDefinition> byWireName(String wireName) {
        Integer position = positionByWireName.get(wireName);
        return position == null ? Optional.empty() : Optional.of(hops.get(position));
    }

    /** The place of hop {@code number} in the journey (0 for the first); -1 when the chain has no such hop. */
    public int position(int number) {
        Integer position = positionByNumber.get(number);
        return position == null ? -1 : position;
    }

    public boolean isLast(int number) {
        return last().number() == number;
    }

    /** The hop after hop {@code number}; empty after the last or for a hop not in the chain. */
    public Optional<HopDefinition> next(int number) {
        int position = position(number);
        return position < 0 || position + 1 >= hops.size() ? Optional.empty() : Optional.of(hops.get(position + 1));
    }

    /** The hop before hop {@code number}; empty for the first or for a hop not in the chain. */
    public Optional<HopDefinition> previous(int number) {
        int position = position(number);
        return position <= 0 ? Optional.empty() : Optional.of(hops.get(position - 1));
    }

    /** The topic a hop reads: its predecessor's; empty for the first hop, which starts journeys. */
    public Optional<String> inputTopic(int number) {
        return previous(number).map(HopDefinition::topic);
    }

    /** Every hop topic, in journey order. */
    public List<String> topics() {
        return hops.stream().map(HopDefinition::topic).toList();
    }

    /** The hops {@code service} computes (one per service today). */
    public List<HopDefinition> computedBy(String service) {
        return hops.stream().filter(h -> h.service().equals(service)).toList();
    }

    /** A copy with {@code hop} inserted at {@code position}; every other hop keeps its number and wire name. */
    public HopChain inserting(int position, HopDefinition hop) {
        List<HopDefinition> copy = new ArrayList<>(hops);
        copy.add(position, hop);
        return new HopChain(copy);
    }
}

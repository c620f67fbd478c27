package com.packetjourney.bgp.domain;

import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie.IPv4AssociativeTrieNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The RIBs of one AS's BGP speaker (RFC 4271 §3.2): the routes it originates, the Adj-RIB-In of each neighbour,
 * and the Loc-RIB of the best route per prefix that the decision process selected from them. Immutable: receiving
 * routes gives a new RIB.
 */
public final class BgpRib {

    /** One Loc-RIB prefix: the selected route, and every candidate it was selected from (the best among them). */
    public record Entry(IPv4Address prefix, BgpRoute best, List<BgpRoute> candidates) {
        public Entry {
            candidates = List.copyOf(candidates);
        }

        /** The candidates that lost to the best route. */
        public List<BgpRoute> alternatives() {
            return candidates.stream().filter(r -> r != best).toList();
        }
    }

    private final long asn;
    private final List<BgpRoute> originated;
    private final Map<Long, List<BgpRoute>> adjRibIn;
    private final IPv4AddressAssociativeTrie<Entry> locRib;

    private BgpRib(long asn, List<BgpRoute> originated, Map<Long, List<BgpRoute>> adjRibIn) {
        this.asn = asn;
        this.originated = List.copyOf(originated);
        this.adjRibIn = Collections.unmodifiableMap(new TreeMap<>(adjRibIn));
        this.locRib = decide();
    }

    /** The RIB of an AS that has heard nothing yet: only its own prefixes. */
    public static BgpRib originating(long asn, IPv4Address routerId, Collection<IPv4Address> prefixes) {
        List<BgpRoute> own = prefixes.stream().distinct().map(p -> BgpRoute.originated(p, asn, routerId)).toList();
        return new BgpRib(asn, own, Map.of());
    }

    public long asn() {
        return asn;
    }

    /**
     * Replaces what {@code neighborAs} has announced to us. A route whose AS_PATH already holds our AS is dropped:
     * accepting it would route through a loop (RFC 4271 §9.1.2). Returns this same RIB when nothing changed.
     */
    public BgpRib withAdjRibIn(long neighborAs, List<BgpRoute> announced) {
        List<BgpRoute> accepted = announced.stream().filter(this::accepts).toList();
        if (accepted.equals(adjRibIn.getOrDefault(neighborAs, List.of()))) {
            return this;
        }
        Map<Long, List<BgpRoute>> next = new TreeMap<>(adjRibIn);
        if (accepted.isEmpty()) {
            next.remove(neighborAs);
        } else {
            next.put(neighborAs, accepted);
        }
        return new BgpRib(asn, originated, next);
    }

    /** RFC 4271 §9.1.2: a route carrying our own AS in its AS_PATH is looped and unusable. */
    public boolean accepts(BgpRoute route) {
        return !route.asPath().contains(asn);
    }

    /** What each neighbour has announced to us and we accepted, by neighbour AS. */
    public Map<Long, List<BgpRoute>> adjRibIn() {
        return adjRibIn;
    }

    /** Longest-prefix match of a destination against the Loc-RIB. */
    public Optional<Entry> lookup(IPv4Address destination) {
        IPv4AssociativeTrieNode<Entry> node = locRib.longestPrefixMatchNode(destination);
        return node == null ? Optional.empty() : Optional.of(node.getValue());
    }

    /** The Loc-RIB entries whose prefix is less specific than {@code prefix} and covers it, least specific first. */
    public List<Entry> covering(IPv4Address prefix) {
        int length = prefix.getNetworkPrefixLength();
        return locRib().stream()
                .filter(e -> e.prefix().getNetworkPrefixLength() < length && e.prefix().contains(prefix))
                .sorted(Comparator.comparingInt(e -> e.prefix().getNetworkPrefixLength()))
                .toList();
    }

    /** The Loc-RIB in prefix order. */
    public List<Entry> locRib() {
        List<Entry> entries = new ArrayList<>();
        Iterator<IPv4AssociativeTrieNode<Entry>> nodes = locRib.nodeIterator(true);
        nodes.forEachRemaining(n -> entries.add(n.getValue()));
        return entries;
    }

    /** The routes this speaker would advertise: one best route per prefix. */
    public List<BgpRoute> bestRoutes() {
        return locRib().stream().map(Entry::best).toList();
    }

    /** Phase 2 of the decision process (§9.1.2): per prefix, the best of the own and the accepted routes. */
    private IPv4AddressAssociativeTrie<Entry> decide() {
        Map<IPv4Address, List<BgpRoute>> byPrefix = new LinkedHashMap<>();
        originated.forEach(r -> byPrefix.computeIfAbsent(r.prefix(), p -> new ArrayList<>()).add(r));
        adjRibIn.values().forEach(routes -> routes.forEach(
                r -> byPrefix.computeIfAbsent(r.prefix(), p -> new ArrayList<>()).add(r)));
        IPv4AddressAssociativeTrie<Entry> trie = new IPv4AddressAssociativeTrie<>();
        byPrefix.forEach((prefix, candidates) -> BestPathComparator.INSTANCE.best(candidates)
                .ifPresent(best -> trie.put(prefix, new Entry(prefix, best, candidates))));
        return trie;
    }
}
